/// The board's one stylesheet, inlined in every page: readable on a phone and in print, light
/// and dark following the reader's setting, contrast of at least 4.5:1 for text.
enum BoardStyle {
    static let css = """
    :root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #4d4d4d; --line: #c8c8c8; --card: #f6f7f9;
      --link: #0b57d0; --focus: #0b57d0; --ok-bg: #e6f4ea; --ok-fg: #0d5224; --warn-bg: #fff4e0; --warn-fg: #6b3a00; --warn-line: #b86e00;
      --bad-bg: #fde8e8; --bad-fg: #8a1010; --bad-line: #c62828; --info-bg: #e8eefc; --info-fg: #1d3a8a; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #121417; --fg: #e9eaec; --muted: #b4b8bf; --line: #3d4148; --card: #1c1f24; --link: #9cc0ff; --focus: #9cc0ff;
        --ok-bg: #10301c; --ok-fg: #a8e6b8; --warn-bg: #3a2806; --warn-fg: #ffd699; --warn-line: #e0a040;
        --bad-bg: #3d1214; --bad-fg: #ffb3b3; --bad-line: #ff6b6b; --info-bg: #18233d; --info-fg: #b9cbff; }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    a { color: var(--link); }
    a:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -10000px; top: 0; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem 1rem; z-index: 1; }
    .sr-only, .offscreen { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    header.site, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
    header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding-top: 1rem; padding-bottom: .5rem; border-bottom: 1px solid var(--line); }
    header.site .site-title { font-weight: 700; color: var(--fg); text-decoration: none; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.25rem 0 .5rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
    h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
    .incident-id { color: var(--muted); font-weight: 400; font-size: 1rem; white-space: nowrap; }
    .meta, .muted, .by { color: var(--muted); }
    .badge { display: inline-block; padding: 0 .5rem; border-radius: .75rem; border: 1px solid var(--line); font-size: .875rem; white-space: nowrap; }
    .badge.sev1, .badge.sev2 { background: var(--bad-bg); color: var(--bad-fg); border-color: var(--bad-line); }
    .badge.approved { background: var(--ok-bg); color: var(--ok-fg); }
    .badge.stale { background: var(--warn-bg); color: var(--warn-fg); border-color: var(--warn-line); }
    .badge.pending { background: var(--info-bg); color: var(--info-fg); }
    .overdue { color: var(--bad-fg); font-weight: 700; }
    dl.summary { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .35rem 1rem; margin: 0; }
    dl.summary dt { font-weight: 600; }
    dl.summary dd { margin: 0; overflow-wrap: anywhere; }
    .audience { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
    .audience-head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
    .wording { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: .5rem 0; padding: .75rem; background: var(--bg); border: 1px solid var(--line); border-radius: .375rem; }
    .banner { margin: .5rem 0; padding: .75rem; border-left: .3rem solid var(--warn-line); background: var(--warn-bg); color: var(--warn-fg); }
    .banner.pending { border-left-color: var(--info-fg); background: var(--info-bg); color: var(--info-fg); }
    .banner.override { border-left-color: var(--bad-line); background: var(--bad-bg); color: var(--bad-fg); }
    .banner.failed { border-left-color: var(--bad-line); background: var(--bad-bg); color: var(--bad-fg); }
    table.failed tr.failed td { background: var(--bad-bg); color: var(--bad-fg); }
    table.failed tr.failed td:first-child { border-left: .3rem solid var(--bad-line); }
    .banner ul { margin: .25rem 0 0; padding-left: 1.25rem; }
    button.copy { font: inherit; font-size: .95rem; min-height: 2.75rem; min-width: 6rem; padding: .4rem 1rem; border-radius: .375rem; border: 1px solid var(--link);
      background: var(--bg); color: var(--link); cursor: pointer; margin-right: .5rem; }
    button.copy:hover { background: var(--info-bg); }
    table { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
    th { font-size: .875rem; color: var(--muted); white-space: nowrap; }
    td ul { margin: 0; padding: 0; list-style: none; }
    td li { display: inline-block; margin: 0 .6rem .2rem 0; white-space: nowrap; }
    td:first-child { min-width: 12rem; }
    nav { margin-top: .75rem; }
    footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .875rem; }
    @media (max-width: 40rem) {
      h1 { font-size: 1.35rem; }
      dl.summary { grid-template-columns: 1fr; }
      dl.summary dd { margin-bottom: .5rem; }
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
      table.stack tr { border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .75rem; padding: .25rem .5rem; }
      table.stack td { border: 0; padding: .2rem 0; min-width: 0; }
      table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
    }
    @media print {
      :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --link: #000000; --card: #ffffff; }
      body { font-size: 11pt; }
      .skip, button.copy { display: none !important; }
      .audience, tr { break-inside: avoid; }
      a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
    }
    """
}
