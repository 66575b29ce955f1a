/// Builds the node tree from a template's tags in order, with an explicit stack of the sections,
/// parents and blocks still open.
struct TemplateTreeBuilder {
    private struct Frame {
        var kind: TemplateTag.Kind
        var name: String
        var location: TemplateLocation
        var indentation: String?
        var nodes: [TemplateNode] = []
        var overrides: [String: TemplateBlock] = [:]
    }

    private let template: String
    private let resolve: (String) -> Int?
    private var frames: [Frame]

    init(template: String, resolve: @escaping (String) -> Int?) {
        self.template = template
        self.resolve = resolve
        frames = [Frame(kind: .comment, name: "", location: TemplateLocation(line: 1, column: 1))]
    }

    var openKinds: [TemplateTag.Kind] { frames.dropFirst().map(\.kind) }
    var innermostIsBlock: Bool { frames.count > 1 && frames[frames.count - 1].kind == .block }

    /// Text directly inside a parent tag is ignored: only its blocks count.
    private var ignoresContent: Bool { frames[frames.count - 1].kind == .parent }

    mutating func text(_ text: String) {
        guard !ignoresContent else { return }
        if case .text(let previous)? = frames[frames.count - 1].nodes.last {
            frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + text)
        } else {
            frames[frames.count - 1].nodes.append(.text(text))
        }
    }

    mutating func lineStart(_ leading: String) {
        guard !ignoresContent else { return }
        frames[frames.count - 1].nodes.append(.lineStart(leading: leading))
    }

    /// - Parameter indentation: the whitespace before the tag when it stands alone on its line.
    mutating func add(_ tag: TemplateTag, indentation: String?) throws(TemplateError) {
        switch tag.kind {
        case .comment, .delimiters:
            return
        case .variable(let escaped):
            guard !ignoresContent else { return }
            frames[frames.count - 1].nodes.append(.variable(TemplateName(tag.name), escaped: escaped, tag.location))
        case .partial:
            guard !ignoresContent else { return }
            frames[frames.count - 1].nodes.append(.partial(reference(tag), indentation: indentation))
        case .section, .inverted, .parent, .block:
            guard frames.count <= TemplateParser.maximumDepth else {
                throw TemplateError(
                    "sections, parents and blocks are nested more than \(TemplateParser.maximumDepth) deep here",
                    in: template, at: tag.location)
            }
            frames.append(Frame(kind: tag.kind, name: tag.name, location: tag.location, indentation: indentation))
        case .close:
            try close(tag)
        }
    }

    private mutating func close(_ tag: TemplateTag) throws(TemplateError) {
        guard frames.count > 1 else {
            throw TemplateError(
                "{{/\(tag.name)}} closes nothing: no section named '\(tag.name)' is open", in: template,
                at: tag.location)
        }
        let frame = frames.removeLast()
        guard frame.name == tag.name else {
            throw TemplateError(
                "{{/\(tag.name)}} does not close the \(Self.noun(frame.kind)) '\(frame.name)' opened at "
                    + "\(frame.location.line):\(frame.location.column): close that first with {{/\(frame.name)}}",
                in: template, at: tag.location)
        }
        let node: TemplateNode
        switch frame.kind {
        case .parent:
            node = .parent(
                reference(frame.name, frame.location), overrides: frame.overrides, indentation: frame.indentation)
        case .block:
            let block = TemplateBlock(
                name: frame.name, content: frame.nodes, indentation: Self.contentIndentation(frame),
                location: frame.location)
            if ignoresContent {
                frames[frames.count - 1].overrides[frame.name] = block
                return
            }
            node = .block(block)
        default:
            node = .section(TemplateName(frame.name), frame.nodes, inverted: frame.kind == .inverted, frame.location)
        }
        guard !ignoresContent else { return }
        frames[frames.count - 1].nodes.append(node)
    }

    mutating func finish() throws(TemplateError) -> [TemplateNode] {
        guard frames.count == 1 else {
            let frame = frames[frames.count - 1]
            throw TemplateError(
                "the \(Self.noun(frame.kind)) '\(frame.name)' is never closed: end it with {{/\(frame.name)}}",
                in: template, at: frame.location)
        }
        return frames[0].nodes
    }

    private func reference(_ tag: TemplateTag) -> PartialReference {
        reference(tag.name, tag.location)
    }

    private func reference(_ name: String, _ location: TemplateLocation) -> PartialReference {
        PartialReference(name: name, index: resolve(name), location: location)
    }

    /// The indentation of a standalone block's content: its first line's, else the tag's own.
    private static func contentIndentation(_ frame: Frame) -> String? {
        guard let tagIndentation = frame.indentation else { return nil }
        switch frame.nodes.first {
        case .lineStart(let leading)?: return leading
        case .partial(_, let indentation?)?, .parent(_, _, let indentation?)?: return indentation
        case .block(let block)?: return block.indentation ?? tagIndentation
        default: return tagIndentation
        }
    }

    private static func noun(_ kind: TemplateTag.Kind) -> String {
        switch kind {
        case .inverted: "inverted section"
        case .parent: "parent"
        case .block: "block"
        default: "section"
        }
    }
}
