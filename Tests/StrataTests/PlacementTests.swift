import Testing

@testable import Strata

/// Where a Markdown file goes (SPEC §1), and which names are slugs.
@Suite struct PlacementTests {
    static func place(_ relative: String) -> PagePlacement? { try? PagePlacement.of(relative).get() }

    @Test func kindsAndURLs() {
        #expect(Self.place("index.md") == PagePlacement(kind: .home, slug: "", section: "", url: ""))
        #expect(
            Self.place("stack/compute.md")
                == PagePlacement(kind: .layer, slug: "compute", section: "stack", url: "stack/compute/"))
        #expect(
            Self.place("projects/io-net.md")
                == PagePlacement(kind: .project, slug: "io-net", section: "projects", url: "projects/io-net/"))
        #expect(
            Self.place("notes/depin.md")
                == PagePlacement(kind: .note, slug: "depin", section: "notes", url: "notes/depin/"))
        #expect(
            Self.place("notes/_index.md")
                == PagePlacement(kind: .sectionIntro, slug: "notes", section: "notes", url: "notes/"))
        #expect(Self.place("about.md") == PagePlacement(kind: .plain, slug: "about", section: "", url: "about/"))
        #expect(
            Self.place("guides/setup/index.md")
                == PagePlacement(kind: .plain, slug: "setup", section: "guides/setup", url: "guides/setup/"))
        #expect(
            Self.place("notes/deep/x.md")
                == PagePlacement(kind: .plain, slug: "x", section: "notes/deep", url: "notes/deep/x/"))
    }

    @Test func badNamesAreErrorsNamingTheFile() {
        func message(_ relative: String) -> String? {
            if case .failure(let diagnostic) = PagePlacement.of(relative) { return diagnostic.description }
            return nil
        }
        #expect(
            message("notes/Io Net.md")
                == "content/notes/Io Net.md:1:1: error: file name 'Io Net.md' is not a slug: use lowercase letters, digits and single hyphens (rename it to 'io-net.md')"
        )
        #expect(
            message("notes/a--b.md")
                == "content/notes/a--b.md:1:1: error: file name 'a--b.md' is not a slug: use lowercase letters, digits and single hyphens (rename it to 'a-b.md')"
        )
        #expect(
            message("My Notes/a.md")
                == "content/My Notes/a.md:1:1: error: folder name 'My Notes' is not a slug: use lowercase letters, digits and single hyphens"
        )
        #expect(message("notes/-x.md") != nil)
        #expect(message("notes/x-.md") != nil)
    }

    @Test func slugs() {
        for valid in ["a", "io-net", "web3", "a-b-c", "2024"] { #expect(Slug.isValid(valid), "\(valid)") }
        for invalid in ["", "-a", "a-", "a--b", "A", "io_net", "io.net", "..", ".hidden", "é", "a b"] {
            #expect(!Slug.isValid(invalid), "'\(invalid)' is not a slug")
        }
    }
}
