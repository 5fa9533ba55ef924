import KilnDiagnostics

/// The parsed form of a template: text to copy and statements to run.
///
/// Payloads with several fields are immutable final classes: rendering switches over nodes in
/// its innermost loop, and copying a class reference is one retain where copying a struct
/// retains each of its fields.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{ expression }}`.
    case output(TemplateExpression)
    case conditional(Conditional)
    case loop(Loop)
    /// `{% set name = expression %}`.
    case assignment(name: String, value: TemplateExpression)
    case include(Include)
    /// `{% call name(a, b) %}`: renders a macro's body with its parameters bound.
    case call(MacroCall)
    /// `{% indent 4 %}…{% endindent %}`: the body's output with every non-empty line indented.
    case indentation(IndentedBlock)
    /// `{% capture name %}…{% endcapture %}`: the body's output bound to `name` instead of printed.
    case capture(Capture)

    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`: the first truthy branch runs, else `elseBody`.
    final class Conditional: Sendable {
        struct Branch: Sendable {
            let condition: TemplateExpression
            let body: [TemplateNode]
        }

        let branches: [Branch]
        let elseBody: [TemplateNode]

        init(branches: [Branch], elseBody: [TemplateNode]) {
            self.branches = branches
            self.elseBody = elseBody
        }
    }

    /// `{% for value in iterable %}` or `{% for key, value in dictionary %}`, with `{% empty %}`.
    final class Loop: Sendable {
        /// `key` in `for key, value in …`; `nil` for a loop over an array.
        let keyName: String?
        let valueName: String
        let iterable: TemplateExpression
        let body: [TemplateNode]
        let emptyBody: [TemplateNode]

        init(keyName: String?, valueName: String, iterable: TemplateExpression, body: [TemplateNode], emptyBody: [TemplateNode]) {
            self.keyName = keyName
            self.valueName = valueName
            self.iterable = iterable
            self.body = body
            self.emptyBody = emptyBody
        }
    }

    /// `{% include name with a=expression, b=expression %}`.
    final class Include: Sendable {
        let templateName: TemplateExpression
        let bindings: [(name: String, value: TemplateExpression)]
        /// The tag's location: not-found and recursion errors, and "included from here" notes.
        let location: SourceLocation
        /// Added before every non-empty line of the included output: the indentation of a tag
        /// alone on its line (see `TemplateLexer`), `""` for an inline include.
        let indentation: String
        /// The template a literal name loaded, kept after the first render: the environment that
        /// parsed this node is its only user and renders from one thread (see `TemplateEnvironment`),
        /// and it clears this when it goes, since a recursive include makes it a reference cycle.
        nonisolated(unsafe) private(set) var loadedTemplate: Template?

        init(
            templateName: TemplateExpression,
            bindings: [(name: String, value: TemplateExpression)],
            location: SourceLocation,
            indentation: String
        ) {
            self.templateName = templateName
            self.bindings = bindings
            self.location = location
            self.indentation = indentation
        }

        /// Whether the template was kept: only a literal name always loads the same one.
        func remember(_ template: Template) -> Bool {
            guard case .literal = templateName else { return false }
            loadedTemplate = template
            return true
        }

        func forget() {
            loadedTemplate = nil
        }
    }

    /// `{% call name(argument, …) %}`. Resolved by name when rendering, in the macros of the
    /// template the call is written in (its own and imported ones); the environment has already
    /// checked, when loading that template, that the macro exists and takes this many arguments.
    final class MacroCall: Sendable {
        let name: String
        let arguments: [TemplateExpression]
        /// The macro called, set once by `MacroCallValidator` while the template loads, before the
        /// environment caches and shares it; read-only from then on. Saves a lookup per call. The
        /// environment clears it when it goes, since a recursive macro makes it a reference cycle.
        nonisolated(unsafe) private(set) var macro: TemplateMacro?
        /// The macro name's location: unknown-macro and argument-count errors, "called from here" notes.
        let location: SourceLocation
        /// As for `Include`: a call alone on its line indents the macro's output by the line's indentation.
        let indentation: String

        init(name: String, arguments: [TemplateExpression], location: SourceLocation, indentation: String) {
            self.name = name
            self.arguments = arguments
            self.location = location
            self.indentation = indentation
        }

        func resolve(to macro: TemplateMacro) {
            self.macro = macro
        }

        func unresolve() {
            macro = nil
        }
    }

    /// `{% indent amount %}…{% endindent %}`: `amount` is a number of spaces or the indentation text.
    final class IndentedBlock: Sendable {
        let amount: TemplateExpression
        let body: [TemplateNode]

        init(amount: TemplateExpression, body: [TemplateNode]) {
            self.amount = amount
            self.body = body
        }
    }

    /// `{% capture name %}…{% endcapture %}`: like `{% set %}`, binds `name` in the current scope,
    /// to the text the body renders, so a template can measure or lay out what it wrote
    /// (`{{ name|argumentList:8 }}`) before printing it.
    final class Capture: Sendable {
        let name: String
        let body: [TemplateNode]

        init(name: String, body: [TemplateNode]) {
            self.name = name
            self.body = body
        }
    }
}
