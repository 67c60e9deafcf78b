import ChorusCLI
import Foundation

exit(ChorusCommandLine.main())
