/// What changes in the generated Swift API between two spec versions, for a changelog.
public struct APISurfaceDiff: Sendable {
    public struct Change: Sendable, Hashable, Comparable {
        public var breaking: Bool
        public var text: String
        /// The operation's method name or the type's name, to keep one subject's changes together.
        public var subject: String
        public var isOperation: Bool

        /// Operations before types, then by subject.
        public static func < (lhs: Change, rhs: Change) -> Bool {
            (lhs.isOperation ? 0 : 1, lhs.subject, lhs.text) < (rhs.isOperation ? 0 : 1, rhs.subject, rhs.text)
        }
    }

    public var changes: [Change]

    public var breaking: [Change] { changes.filter(\.breaking).sorted() }
    public var nonBreaking: [Change] { changes.filter { !$0.breaking }.sorted() }

    public init(old: APISurface, new: APISurface) {
        var changes: [Change] = []
        Self.compareOperations(old.operations, new.operations, into: &changes)
        Self.compareDeclarations(old.declarations, new.declarations, into: &changes)
        self.changes = changes
    }

    /// A plain-text report: breaking changes first, each line prefixed `-` (removed), `+` (added) or `~`.
    public func report(oldName: String, newName: String) -> String {
        var lines = ["API changes from \(oldName) to \(newName)", ""]
        lines.append("Breaking (\(breaking.count)):")
        lines += breaking.isEmpty ? ["  none"] : breaking.map { "  \($0.text)" }
        lines.append("")
        lines.append("Non-breaking (\(nonBreaking.count)):")
        lines += nonBreaking.isEmpty ? ["  none"] : nonBreaking.map { "  \($0.text)" }
        lines.append("")
        lines.append("Summary: \(breaking.count) breaking, \(nonBreaking.count) non-breaking")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Operations

    private static func compareOperations(
        _ old: [String: APISurface.Operation], _ new: [String: APISurface.Operation], into changes: inout [Change]
    ) {
        for (id, operation) in old where new[id] == nil {
            changes.append(Change(breaking: true, text: "- removed operation \(operation.methodName) (\(operation.endpoint))", subject: operation.methodName, isOperation: true))
        }
        for (id, operation) in new where old[id] == nil {
            changes.append(Change(breaking: false, text: "+ added operation \(operation.methodName) (\(operation.endpoint))", subject: operation.methodName, isOperation: true))
        }
        for (id, before) in old {
            guard let after = new[id] else { continue }
            compare(before, after, into: &changes)
        }
    }

    private static func compare(_ before: APISurface.Operation, _ after: APISurface.Operation, into changes: inout [Change]) {
        let name = after.methodName
        if before.methodName != after.methodName {
            changes.append(Change(breaking: true, text: "~ renamed method \(before.methodName) to \(after.methodName)", subject: name, isOperation: true))
        }
        if before.endpoint != after.endpoint {
            changes.append(Change(breaking: false, text: "~ \(name): endpoint \(before.endpoint) is now \(after.endpoint)", subject: name, isOperation: true))
        }
        if before.returnType != after.returnType {
            changes.append(Change(breaking: true, text: "~ \(name): returns \(after.returnType) instead of \(before.returnType)", subject: name, isOperation: true))
        }
        let oldParameters = Dictionary(before.parameters.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        let newParameters = Dictionary(after.parameters.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        for (label, parameter) in oldParameters where newParameters[label] == nil {
            changes.append(Change(breaking: true, text: "- \(name): removed parameter \(label): \(parameter.type)", subject: name, isOperation: true))
        }
        for (label, parameter) in newParameters where oldParameters[label] == nil {
            let kind = parameter.required ? "required" : "optional"
            changes.append(Change(breaking: parameter.required, text: "+ \(name): added \(kind) parameter \(label): \(parameter.type)", subject: name, isOperation: true))
        }
        for (label, old) in oldParameters {
            guard let new = newParameters[label] else { continue }
            if old.type != new.type {
                changes.append(Change(breaking: true, text: "~ \(name): parameter \(label) is \(new.type) instead of \(old.type)", subject: name, isOperation: true))
            } else if old.required != new.required {
                let text = "~ \(name): parameter \(label) is now \(new.required ? "required" : "optional")"
                changes.append(Change(breaking: new.required, text: text, subject: name, isOperation: true))
            }
        }
    }

    // MARK: Declarations

    private static func compareDeclarations(
        _ old: [String: APISurface.Declaration], _ new: [String: APISurface.Declaration], into changes: inout [Change]
    ) {
        for (name, declaration) in old where new[name] == nil {
            changes.append(Change(breaking: true, text: "- removed \(declaration.kind) \(name)", subject: name, isOperation: false))
        }
        for (name, declaration) in new where old[name] == nil {
            changes.append(Change(breaking: false, text: "+ added \(declaration.kind) \(name)", subject: name, isOperation: false))
        }
        for (name, before) in old {
            guard let after = new[name] else { continue }
            guard before.kind == after.kind else {
                changes.append(Change(breaking: true, text: "~ \(name) is now a \(after.kind) instead of a \(before.kind)", subject: name, isOperation: false))
                continue
            }
            compareMembers(of: name, kind: after.kind, before.members, after.members, into: &changes)
        }
    }

    private static func compareMembers(
        of name: String, kind: String, _ old: [String: APISurface.Member], _ new: [String: APISurface.Member],
        into changes: inout [Change]
    ) {
        let noun = kind == "struct" || kind == "anyOf" ? "property" : "case"
        for member in old.keys where new[member] == nil {
            changes.append(Change(breaking: true, text: "- \(name): removed \(noun) \(member)", subject: name, isOperation: false))
        }
        for (member, value) in new where old[member] == nil {
            // New enum cases keep decoding (unknown-value case); a new required property changes the initializer.
            let breaking = kind == "struct" && !value.optional
            let detail = kind == "enum" ? "" : ": \(value.type)\(value.optional ? "?" : "")"
            changes.append(Change(breaking: breaking, text: "+ \(name): added \(noun) \(member)\(detail)", subject: name, isOperation: false))
        }
        for (member, before) in old {
            guard let after = new[member], before != after else { continue }
            if kind == "typealias" {
                changes.append(Change(breaking: true, text: "~ \(name) aliases \(after.type) instead of \(before.type)", subject: name, isOperation: false))
            } else if before.type != after.type {
                changes.append(Change(breaking: true, text: "~ \(name).\(member) is \(after.type) instead of \(before.type)", subject: name, isOperation: false))
            } else {
                let state = after.optional ? "optional" : "required"
                changes.append(Change(breaking: true, text: "~ \(name).\(member) is now \(state)", subject: name, isOperation: false))
            }
        }
    }
}
