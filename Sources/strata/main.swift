import ArgumentParser
import Foundation
import Strata

/// `strata`: arguments, printing and exit codes. The work is done by the Strata library.
struct StrataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Builds a cross-linked static research site from content/ and templates/.",
        subcommands: [Build.self, Check.self, New.self])
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
        let options = BuildOptions(root: site.root, output: output, includeDrafts: drafts, strict: site.strict)
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

    func run() throws {
        do {
            let warnings = try Pipeline.check(BuildOptions(root: site.root, strict: site.strict))
            Report.print(warnings)
            Swift.print("no errors, \(warnings.count == 1 ? "1 warning" : "\(warnings.count) warnings")")
        } catch {
            Report.fail(error, command: "check")
        }
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

/// The one place diagnostics become output and exit codes.
enum Report {
    static let useColor: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((format(diagnostic) + "\n").utf8)) }
    }

    static func fail(_ failure: BuildFailure, command: String) -> Never {
        print(failure.diagnostics)
        let errors = failure.diagnostics.filter { $0.severity == .error }.count
        let count = errors == 1 ? "1 error" : "\(errors) errors"
        FileHandle.standardError.write(Data("\(command) failed: \(count)\n".utf8))
        exit(1)
    }

    static func format(_ diagnostic: Diagnostic) -> String {
        guard useColor else { return diagnostic.description }
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return
            "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(color)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }
}

/// Exit status 2 for a wrong command line, as SPEC §7 asks.
do {
    var command = try StrataCommand.parseAsRoot()
    try command.run()
} catch {
    if error is ExitCode || StrataCommand.exitCode(for: error) == .success { StrataCommand.exit(withError: error) }
    FileHandle.standardError.write(Data((StrataCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
