import Testing

@testable import Strata

/// Relative links between output paths, so `public/` works at any path on any server.
@Suite struct URLPathTests {
    @Test(arguments: [
        ("projects/io-net/", "projects/bittensor/", "../bittensor/"),
        ("projects/io-net/", "stack/compute/", "../../stack/compute/"),
        ("projects/io-net/", "", "../../"),
        ("", "", "./"),
        ("", "projects/", "projects/"),
        ("projects/", "projects/", "./"),
        ("projects/", "projects/io-net/", "io-net/"),
        ("projects/io-net/", "projects/", "../"),
        ("notes/a/", "assets/strata.css", "../../assets/strata.css"),
        ("", "assets/strata.css", "assets/strata.css"),
        ("notes/a/", "notes/a/logo.png", "logo.png"),
        ("notes/a/", "notes/images/logo.png", "../images/logo.png"),
        ("tags/gpu/", "search/index.js", "../../search/index.js"),
        ("a/b/c/", "a/b/", "../"),
        ("a/b/", "a/bc/", "../bc/"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(URLPath.relative(from: from, to: to) == expected)
    }

    /// The byte walk that answers for the build's own URLs gives what splitting into parts gives,
    /// for every pair of a set of paths with and without slashes, files, folders, shared prefixes,
    /// a leading slash and an empty part (those two take the long way).
    @Test func relativeAgreesWithParts() {
        let paths = [
            "", "/", "a", "a/", "a/b", "a/b/", "a/bc/", "ab/", "a/b/c/", "a/b/c.html", "404.html", "a.css",
            "projects/io-net/", "projects/", "assets/strata.css", "search/index.js", "/abs/", "a//b/", "é/ü/",
        ]
        for from in paths {
            for to in paths {
                #expect(
                    URLPath.relative(from: from, to: to) == URLPath.relativeOfAnyPaths(from: from, to: to),
                    "from \(from) to \(to)")
            }
        }
    }

    @Test func normalize() {
        #expect(URLPath.normalize("notes/../projects/io-net.md") == "projects/io-net.md")
        #expect(URLPath.normalize("/notes/./a/") == "notes/a")
        #expect(URLPath.normalize("a//b") == "a/b")
        #expect(URLPath.normalize("") == "")
        #expect(URLPath.normalize("notes/../..") == nil)
        #expect(URLPath.normalize("../x") == nil)
        #expect(URLPath.normalize("/../x") == nil)
    }

    @Test func folder() {
        #expect(URLPath.folder(of: "projects/io-net.md") == "projects")
        #expect(URLPath.folder(of: "index.md") == "")
        #expect(URLPath.folder(of: "a/b/c.png") == "a/b")
    }

    @Test func external() {
        #expect(URLPath.isExternal("https://example.org"))
        #expect(URLPath.isExternal("mailto:a@example.org"))
        #expect(URLPath.isExternal("//cdn.example.org/x.js"))
        #expect(URLPath.isExternal("ftp://x"))
        #expect(!URLPath.isExternal("../projects/io-net.md"))
        #expect(!URLPath.isExternal("notes/a:b.md"))
        #expect(!URLPath.isExternal("/projects/"))
        #expect(!URLPath.isExternal("#heading"))
        #expect(!URLPath.isExternal("1http://x"))
    }

    @Test func outputFileOfAURL() {
        #expect(OutputFile.path(for: "") == "index.html")
        #expect(OutputFile.path(for: "projects/io-net/") == "projects/io-net/index.html")
        #expect(OutputFile.path(for: "api/projects.json") == "api/projects.json")
    }
}
