import Foundation
import Testing

@testable import Strata

/// What a shared link needs: a favicon, Open Graph and Twitter card tags, the generator, and
/// schema.org JSON-LD on profiles.
@Suite struct SharedLinkMetadataTests {
    static let pages = [
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
        "content/projects/p.md": """
        ---
        title: P </script> Net
        summary: GPUs for rent.
        layers: [compute]
        direction: crypto-for-ai
        links: {website: "https://p.example/", repo: "https://github.com/p/p"}
        ---
        Text.
        """,
    ]

    @Test func everyPageCarriesTheTags() {
        let files = MemorySite.files(Self.pages, config: MemorySite.config + "\nbase_url: https://example.org/r/")
        let page = files["projects/p/index.html"] ?? ""
        for tag in [
            #"<link rel="icon" href="../../assets/favicon.svg" type="image/svg+xml">"#,
            #"<meta name="generator" content="Strata \#(Strata.version)">"#,
            #"<meta property="og:title" content="P &lt;/script&gt; Net">"#,
            #"<meta property="og:site_name" content="Memory Site">"#,
            #"<meta property="og:description" content="GPUs for rent.">"#,
            #"<meta property="og:url" content="https://example.org/r/projects/p/">"#,
            #"<meta name="twitter:card" content="summary">"#,
        ] {
            #expect(page.contains(tag), "missing \(tag)")
        }
        #expect(files["index.html"]?.contains(#"<meta property="og:type" content="website">"#) == true)
        #expect(FileManager.default.fileExists(atPath: Repo.templates + "/assets/favicon.svg"), "the theme has the icon")
    }

    @Test func aProfileDescribesItselfAsAnOrganization() {
        let page = MemorySite.files(Self.pages)["projects/p/index.html"] ?? ""
        #expect(
            page.contains(
                """
                <script type="application/ld+json">{
                  "@context": "https://schema.org",
                  "@type": "Organization",
                  "name": "P \\u003c/script> Net",
                  "description": "GPUs for rent.",
                  "sameAs": [
                    "https://p.example/",
                    "https://github.com/p/p"
                  ]
                }</script>
                """), "a title cannot end the script early")
        let note = MemorySite.files(["content/notes/n.md": "---\ntitle: N\n---\nText.\n"])["notes/n/index.html"] ?? ""
        #expect(!note.contains("application/ld+json"))
    }
}
