import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with Foundation's URLSession, one at a time, waiting for each answer.
/// Redirects are not followed (a service that redirects an API call would otherwise receive
/// the credentials at another address), and errors never quote the URL (a Slack webhook's URL
/// is itself the secret): only its host.
public struct URLSessionTransport: HTTPTransport {
    /// How long one request may take before it counts as unanswered.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 30) {
        self.timeout = timeout
    }

    public func send(_ request: OutgoingRequest) throws(TransportError) -> HTTPResponse {
        guard let url = URL(string: request.url), let host = url.host else { throw .notSent("not a valid address") }
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }

        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let response = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                }
                box.set(.success(HTTPResponse(status: response.statusCode, headers: headers, body: Array(data ?? Data()))))
            } else {
                box.set(.failure(Self.classify(error, host: host)))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        switch box.get() {
        case .success(let response): return response
        case .failure(let error): throw error
        case nil: throw .noAnswer("no answer from \(host)")
        }
    }

    /// Whether the request can have reached the service.
    static func classify(_ error: (any Error)?, host: String) -> TransportError {
        guard let error = error as? URLError else { return .noAnswer("no answer from \(host)") }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed:
            return .notSent("cannot find the host \(host)")
        case .cannotConnectToHost, .notConnectedToInternet:
            return .notSent("cannot connect to \(host)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .notSent("no secure connection to \(host) (its certificate was not accepted)")
        case .timedOut:
            return .noAnswer("\(host) did not answer in time")
        case .networkConnectionLost:
            return .noAnswer("the connection to \(host) was lost before it answered")
        default:
            return .noAnswer("no answer from \(host) (URL error \(error.code.rawValue))")
        }
    }
}

/// Where the completion handler leaves its result for the waiting caller.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<HTTPResponse, TransportError>?

    func set(_ value: Result<HTTPResponse, TransportError>) {
        lock.lock(); defer { lock.unlock() }
        result = value
    }

    func get() -> Result<HTTPResponse, TransportError>? {
        lock.lock(); defer { lock.unlock() }
        return result
    }
}

/// Refuses every redirect: the 3xx answer itself is returned.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
