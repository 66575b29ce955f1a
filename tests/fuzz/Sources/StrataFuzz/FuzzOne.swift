import Foundation

@testable import Strata

// One fuzz input is one page: its bytes go through the reader's encoding checks, then every
// stage before the templates (front matter, YAML, Markdown, the site model, links, the page's
// HTML), once as a note and once as a project profile; the same bytes are also read as
// site.yml. Anything but diagnostics (a crash, a hang, an AddressSanitizer report) is a finding.
// Templates are left out: they are the same for every input and cost most of the time.

let config: SiteConfig = {
    let (config, diagnostics) = SiteConfig.decode(
        """
        title: Fuzz
        sectors: [depin, agents]
        relations:
          runs-on: [Runs on, Hosts]
        rubric:
          needs-crypto: Does it need crypto?
        """)
    precondition(diagnostics.isEmpty, "\(diagnostics)")
    return config!
}()
let other = SiteSource.TextFile(path: "content/notes/other.md", text: "---\ntitle: Other\n---\n\n## Part\n")

func build(_ text: String, at path: String) {
    var source = SiteSource()
    source.pages = [SiteSource.TextFile(path: path, text: text), other]
    var parsed = SiteParser.parse(source)
    parsed.config = config
    let site = SiteModel.build(parsed, config: config, includeDrafts: true, commitDates: [:], today: Day("2026-11-25")!)
    let (resolved, _) = SiteResolver.resolve(site, files: ["images/logo.png"])
    for index in site.pages.indices { _ = PageBody.render(index, in: resolved) }
}

/// libFuzzer's entry point; with `--sanitize fuzzer` SwiftPM links libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    _ = TextEncodingSniffer.utf16(data)
    _ = TextEncodingSniffer.hasOnlyCarriageReturns(data)
    let text = String(decoding: data, as: UTF8.self)
    build(text, at: "content/notes/fuzz.md")
    build(text, at: "content/projects/fuzz.md")
    _ = SiteConfig.decode(text)
    return 0
}
