import KilnDiagnostics
import KilnTemplates
import XCTest

/// The name the template under test is loaded by; diagnostics name it `Templates/main.stencil`.
let mainTemplate = "main.stencil"

/// An environment whose `main.stencil` is `template`, with `partials` available to include.
func makeEnvironment(
    _ template: String,
    partials: [String: String] = [:],
    filters: [String: TemplateFilter] = [:]
) -> TemplateEnvironment {
    var templates = partials
    templates[mainTemplate] = template
    return TemplateEnvironment(
        loader: DictionaryTemplateLoader(templates, displayPrefix: "Templates/"),
        filters: filters
    )
}

/// Renders `template` with `context`; throws the engine's error so a test fails with its text.
func render(
    _ template: String,
    _ context: [String: TemplateValue] = [:],
    partials: [String: String] = [:],
    filters: [String: TemplateFilter] = [:]
) throws -> String {
    try makeEnvironment(template, partials: partials, filters: filters)
        .render(templateNamed: mainTemplate, context: context)
}

/// Asserts that rendering `template` fails, and returns the diagnostics it failed with
/// (empty when it did not fail).
func renderingDiagnostics(
    _ template: String,
    _ context: [String: TemplateValue] = [:],
    partials: [String: String] = [:],
    filters: [String: TemplateFilter] = [:],
    file: StaticString = #filePath,
    line: UInt = #line
) -> [Diagnostic] {
    let environment = makeEnvironment(template, partials: partials, filters: filters)
    do throws(DiagnosticError) {
        let output = try environment.render(templateNamed: mainTemplate, context: context)
        XCTFail("expected an error, rendered \(output.debugDescription)", file: file, line: line)
        return []
    } catch {
        return error.diagnostics
    }
}

/// Asserts that rendering fails with `expected` as its first diagnostic, printed the way the
/// CLI prints it: `Templates/main.stencil:1:4: error: …`.
func assertRenderingFails(
    _ template: String,
    _ context: [String: TemplateValue] = [:],
    partials: [String: String] = [:],
    filters: [String: TemplateFilter] = [:],
    with expected: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let diagnostics = renderingDiagnostics(
        template, context, partials: partials, filters: filters, file: file, line: line
    )
    XCTAssertEqual(diagnostics.first?.description, expected, file: file, line: line)
}
