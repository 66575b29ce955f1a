import ArgumentParser
import Foundation
import Strata

/// `strata`: arguments, printing and exit codes. The work is done by the Strata library.
struct StrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Builds a cross-linked static research site from content/ and templates/.",
        version: Strata.version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self])
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site root, holding content/ and templates/.")
    var root: String = "."

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into ROOT/public (or --output).")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: ROOT/public).")
    var output: String?

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() throws {
        Report.requireSite(site.root)
        let options = BuildOptions(root: site.root, output: output, includeDrafts: drafts, strict: site.strict)
        Interruption.removeStagingOnSignal()
        do {
            let report = try Pipeline.build(options)
            Report.print(report.warnings)
            Swift.print(report.summary)
        } catch {
            Report.fail(error, command: "build")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the site as build does, writing nothing.")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Check pages marked draft: true too, as build --drafts would.")
    var drafts = false

    func run() throws {
        Report.requireSite(site.root)
        do {
            let options = BuildOptions(root: site.root, includeDrafts: drafts, strict: site.strict)
            let warnings = try Pipeline.check(options)
            Report.print(warnings)
            Swift.print("no errors, \(warnings.tally(.warning))")
        } catch {
            Report.fail(error, command: "check")
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on localhost; it rebuilds and the pages reload on save.")

    @Option(name: .long, help: "The site root, holding content/ and templates/.")
    var root: String = "."

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(
        name: .long,
        help: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (phones and others on the network).")
    var bind: String = "127.0.0.1"

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() throws {
        Report.requireSite(root)
        // The preview lives in memory: public/ and the rest of the disk are never written.
        let options = BuildOptions(root: root, includeDrafts: drafts)
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options, address: bind, port: port)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let signalSources = [SIGINT, SIGTERM].map { signal in
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler { Foundation.exit(0) }
            source.resume()
            return source
        }
        Task {
            do {
                try await server.run { event in
                    switch event {
                    case .listening(let address, let port):
                        let local = address == "0.0.0.0" ? "127.0.0.1" : address
                        let reach = address == "0.0.0.0" ? ", and at this machine's address from the network" : ""
                        Swift.print("Serving http://\(local):\(port)/\(reach) (rebuilds on save; Ctrl-C stops)")
                    case .built(let report):
                        Report.print(report.warnings)
                        Swift.print(report.summary)
                    case .failed(let diagnostics, let serving):
                        Report.print(diagnostics)
                        let after = serving ? "serving the last good build" : "nothing to serve until it builds"
                        Swift.print("build failed: \(diagnostics.tally(.error)); \(after)")
                    }
                    fflush(nil)
                }
            } catch {
                FileHandle.standardError.write(Data("error: the preview server stopped: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        // The signal sources must live as long as the process, which ends in `exit`.
        withExtendedLifetime(signalSources) { dispatchMain() }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a project profile or a note with every field.")

    @Argument(help: "project or note")
    var kind: String

    @Argument(help: "The slug: lowercase letters, digits and single hyphens.")
    var slug: String

    @Option(name: .long, help: "The page title (default: the slug).")
    var title: String?

    @Option(name: .long, help: "The site root.")
    var root: String = "."

    func validate() throws {
        guard NewPage.Kind(rawValue: kind) != nil else { throw ValidationError("the kind must be 'project' or 'note'") }
    }

    func run() throws {
        do {
            Swift.print(try NewPage.create(NewPage.Kind(rawValue: kind) ?? .note, slug: slug, title: title, root: root))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: settings, a home page, one layer and a copy of the theme.")

    @Argument(help: "The folder of the new site (new or empty).")
    var folder: String

    @Option(name: .long, help: "The templates folder to copy (default: templates/ of the current folder).")
    var theme: String = "templates"

    func run() throws {
        do {
            let written = try InitSite.create(at: folder, theme: theme)
            for path in written { Swift.print((folder as NSString).appendingPathComponent(path)) }
            Swift.print("Next: strata serve --root \(folder)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// The one place diagnostics become output and exit codes.
enum Report {
    /// A `--root` that is not a site is a wrong command line: one line, exit 2.
    static func requireSite(_ root: String) {
        var isFolder: ObjCBool = false
        let problem: String? =
            if !FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) {
                "--root \(root): no such folder"
            } else if !isFolder.boolValue {
                "--root \(root) is a file: pass the folder that holds content/ and templates/"
            } else if !FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent("content")) {
                "\(root) has no content/ folder: pass --root the folder that holds content/ and templates/, or start a site with 'strata init DIR'"
            } else {
                nil
            }
        guard let problem else { return }
        FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
        exit(2)
    }

    static let useColor: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((format(diagnostic) + "\n").utf8)) }
    }

    /// A problem outside the site's files is one line; a refused output folder exits 2, as a
    /// wrong command line does.
    static func fail(_ failure: BuildFailure, command: String) -> Never {
        print(failure)
        switch failure.problem {
        case .unsafeOutput?: exit(2)
        case .fileSystem?: exit(1)
        case nil:
            FileHandle.standardError.write(Data("\(command) failed: \(failure.tally)\n".utf8))
            exit(1)
        }
    }

    static func print(_ failure: BuildFailure) {
        guard let problem = failure.problem else { return print(failure.diagnostics) }
        let label = useColor ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        FileHandle.standardError.write(Data("\(label) \(problem)\n".utf8))
    }

    static func format(_ diagnostic: Diagnostic) -> String {
        guard useColor else { return diagnostic.description }
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return
            "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(color)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }
}

/// Exit status 2 for a wrong command line, as SPEC §7 asks: a misspelt command gets a suggestion.
let commands = StrataCommand.configuration.subcommands.map { $0._commandName } + ["help"]
if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !commands.contains(first) {
    var message = "error: '\(first)' is not a strata command"
    if let suggestion = Spelling.closest(to: first, in: commands) { message += "; did you mean '\(suggestion)'?" }
    FileHandle.standardError.write(Data((message + " (see 'strata --help')\n").utf8))
    exit(2)
}
do {
    var command = try StrataCommand.parseAsRoot()
    try command.run()
} catch {
    if error is ExitCode || StrataCommand.exitCode(for: error) == .success { StrataCommand.exit(withError: error) }
    FileHandle.standardError.write(Data((StrataCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
