import Foundation
import Mustache

/// Renders templates of 20 variables from different kinds of context and prints the time per
/// variable. Escaping is switched off (a content type that returns the text), so the figures are
/// the lookup and the casts alone.
struct Unescaped: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
MustacheContentTypes.register(Unescaped(), named: "UNESCAPED")

/// A context that is not a dictionary: swift-mustache asks it for each name.
struct Parent: MustacheParent {
    let values: [String: Any]
    func child(named name: String) -> Any? { values[name] }
}

let names = (0..<20).map { "name\($0)" }
let pragma = "{{%CONTENT_TYPE:UNESCAPED}}"
let flat = try MustacheTemplate(string: pragma + names.map { "<b>{{\($0)}}</b>" }.joined())
// The same variables inside a section over 10 items, each also reaching one level up for `root`.
let nested = try MustacheTemplate(
    string: pragma + "{{#items}}" + names.map { "<b>{{\($0)}}</b>" }.joined() + "{{root}}{{/items}}")
let values = Dictionary(uniqueKeysWithValues: names.map { ($0, "value of \($0)" as Any) })
let outer: [String: Any] = ["items": Array(repeating: values, count: 10), "root": "../"]

func measure(_ label: String, variables: Int, repeats: Int, _ render: () -> String) {
    var bytes = 0
    for _ in 0..<(repeats / 10) { bytes &+= render().utf8.count }  // warm-up
    let start = ContinuousClock.now
    for _ in 0..<repeats { bytes &+= render().utf8.count }
    let elapsed = ContinuousClock.now - start
    let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    let perVariable = nanoseconds / Double(repeats * variables)
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0), String(format: "%6.0f ns per variable", perVariable))
    if bytes == 0 { print("(nothing rendered)") }
}

measure("dictionary context", variables: 20, repeats: 50_000) { flat.render(values) }
measure("MustacheParent struct context", variables: 20, repeats: 50_000) { flat.render(Parent(values: values)) }
measure("section of 10 dictionaries, one lookup up", variables: 210, repeats: 5_000) { nested.render(outer) }
