import Foundation
import Testing

@testable import Strata

/// `api/projects.json` and `api/projects.csv`: the profiles as data, exactly.
@Suite struct ExportTests {
    static let config = MemorySite.twoQuestionConfig

    static let pages: [String: String] = [
        "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
        "content/stack/data.md": "---\ntitle: Data\norder: 2\n---\n",
        "content/projects/alpha.md": """
        ---
        title: Alpha, "the first"
        summary: GPUs for rent.
        layers: [compute, data]
        direction: crypto-for-ai
        sector: depin
        status: live
        token: ALPHA
        chains: [solana, base]
        launched: 2023-04-05
        links:
          website: https://alpha.example.org/
        relations:
          - {type: runs-on, target: beta, note: Settles there}
        metrics:
          - {name: GPUs, value: "1,200", as_of: 2026-09-01, source: report}
        assessment:
          needs-crypto: yes
          real-demand: {answer: partly, note: Some., sources: [report]}
          verdict: signal
        sources:
          - {id: report, title: The report, url: "https://r.example.org/", publisher: R, published: 2026}
        reviewed: 2026-10-01
        ---

        Text [@report].
        """,
        "content/projects/beta.md": """
        ---
        title: Beta
        layers: [data]
        direction: ai-for-crypto
        token: null
        assessment:
          needs-crypto: no
        reviewed: 2026-10-01
        ---
        """,
        "content/projects/gamma.md": """
        ---
        title: "=HYPERLINK(\\"x\\")"
        layers: [compute]
        direction: ai-for-crypto
        assessment: {needs-crypto: unknown, real-demand: no, verdict: noise}
        reviewed: 2026-10-01
        ---
        """,
    ]

    static let files = MemorySite.files(pages, config: config)

    @Test func json() {
        #expect(
            Self.files["api/projects.json"] == #"""
                [
                  {
                    "slug": "gamma",
                    "title": "=HYPERLINK(\"x\")",
                    "url": "projects/gamma/",
                    "layers": [
                      "compute"
                    ],
                    "direction": "ai-for-crypto",
                    "chains": [],
                    "links": {},
                    "relations": [],
                    "metrics": [],
                    "assessment": {
                      "needs-crypto": "unknown",
                      "real-demand": "no",
                      "verdict": "noise"
                    },
                    "reviewed": "2026-10-01",
                    "sources": []
                  },
                  {
                    "slug": "alpha",
                    "title": "Alpha, \"the first\"",
                    "url": "projects/alpha/",
                    "summary": "GPUs for rent.",
                    "layers": [
                      "compute",
                      "data"
                    ],
                    "direction": "crypto-for-ai",
                    "sector": "depin",
                    "status": "live",
                    "token": "ALPHA",
                    "chains": [
                      "solana",
                      "base"
                    ],
                    "launched": "2023-04-05",
                    "links": {
                      "website": "https://alpha.example.org/"
                    },
                    "relations": [
                      {
                        "type": "runs-on",
                        "target": "beta",
                        "note": "Settles there"
                      }
                    ],
                    "metrics": [
                      {
                        "name": "GPUs",
                        "value": "1,200",
                        "as_of": "2026-09-01",
                        "source": "report"
                      }
                    ],
                    "assessment": {
                      "needs-crypto": "yes",
                      "real-demand": "partly",
                      "verdict": "signal"
                    },
                    "reviewed": "2026-10-01",
                    "sources": [
                      {
                        "id": "report",
                        "title": "The report",
                        "url": "https://r.example.org/",
                        "publisher": "R",
                        "published": "2026"
                      }
                    ]
                  },
                  {
                    "slug": "beta",
                    "title": "Beta",
                    "url": "projects/beta/",
                    "layers": [
                      "data"
                    ],
                    "direction": "ai-for-crypto",
                    "token": null,
                    "chains": [],
                    "links": {},
                    "relations": [],
                    "metrics": [],
                    "assessment": {
                      "needs-crypto": "no",
                      "real-demand": "unanswered",
                      "verdict": null
                    },
                    "reviewed": "2026-10-01",
                    "sources": []
                  }
                ]

                """#)
    }

    @Test func jsonParses() throws {
        let data = try #require(Self.files["api/projects.json"]?.data(using: .utf8))
        let projects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        // Sorted by title, as the projects index is: "=" before letters.
        #expect(projects.map { $0["slug"] as? String } == ["gamma", "alpha", "beta"])
        #expect(projects[2]["token"] is NSNull, "null token means the project has none")
        #expect(projects[0]["token"] == nil, "an absent token means unknown")
    }

    @Test func anExportToldToStopIsNoExport() {
        let resolved = ThemeContextTests.resolved
        #expect(ProjectsExport.json(resolved, stop: { true }) == nil)
        #expect(ProjectsExport.csv(resolved, stop: { true }) == nil)
        #expect(ProjectsExport.json(resolved, stop: { false }) == ProjectsExport.json(resolved))
        #expect(ProjectsExport.csv(resolved, stop: { false })?.hasPrefix("slug,title,url,") == true)
    }

    @Test func csv() {
        let lines = [
            "slug,title,url,layers,direction,sector,status,status_as_of,token,token_as_of,chains,launched,needs-crypto,real-demand,verdict,reviewed",
            #"gamma,"'=HYPERLINK(""x"")",projects/gamma/,compute,ai-for-crypto,,,,,,,,unknown,no,noise,2026-10-01"#,
            #"alpha,"Alpha, ""the first""",projects/alpha/,compute;data,crypto-for-ai,depin,live,,ALPHA,,solana;base,2023-04-05,yes,partly,signal,2026-10-01"#,
            "beta,Beta,projects/beta/,data,ai-for-crypto,,,,none,,,,no,,,2026-10-01",
        ]
        #expect(Self.files["api/projects.csv"] == lines.map { $0 + "\r\n" }.joined())
    }

    /// The export holds only the profiles this build publishes.
    @Test func draftsAreLeftOut() {
        var pages = Self.pages
        pages["content/projects/delta.md"] =
            "---\ntitle: Delta\nlayers: [data]\ndirection: ai-for-crypto\ndraft: true\n---\n"
        let files = MemorySite.files(pages, config: Self.config)
        #expect(files["api/projects.csv"]?.contains("delta") == false)
        #expect(files["api/projects.json"]?.contains("delta") == false)
    }
}
