import KilnGenerator
import KilnIR

/// The public Swift API a module generates: what users call and name, nothing about templates.
///
/// Two specs' surfaces are compared by `APISurfaceDiff` to tell users what a new spec version
/// changes in their code.
public struct APISurface: Sendable, Hashable {
    public struct Parameter: Sendable, Hashable {
        public var label: String
        public var type: String
        public var required: Bool
    }

    public struct Operation: Sendable, Hashable {
        public var operationId: String
        public var methodName: String
        /// `GET /identities/{id}`
        public var endpoint: String
        public var parameters: [Parameter]
        public var returnType: String
    }

    public struct Member: Sendable, Hashable {
        public var type: String
        public var optional: Bool
    }

    public struct Declaration: Sendable, Hashable {
        /// `struct`, `enum`, `union`, `anyOf` or `typealias`.
        public var kind: String
        /// Properties (struct), cases (enum, union) or the aliased type (typealias, under "=").
        public var members: [String: Member]
    }

    public var operations: [String: Operation]
    public var declarations: [String: Declaration]

    public init(_ module: IRModule) {
        var operations: [String: Operation] = [:]
        for operation in module.operations {
            operations[operation.operationId] = Self.operation(operation)
        }
        var declarations: [String: Declaration] = [:]
        var pending = module.types
        while let type = pending.popLast() {
            declarations[type.qualifiedName] = Self.declaration(type.kind)
            pending += type.nestedTypes
        }
        self.operations = operations
        self.declarations = declarations
    }

    private static func operation(_ operation: IROperation) -> Operation {
        var parameters = operation.parameters.map {
            Parameter(label: $0.swiftName, type: $0.type.swiftName, required: $0.required)
        }
        if let body = operation.requestBody, let content = body.preferredContent {
            parameters.append(Parameter(label: "body", type: content.type.swiftName, required: body.required))
        }
        let returnType = operation.convenienceMethodReturnType
        return Operation(
            operationId: operation.operationId, methodName: operation.swiftName,
            endpoint: "\(operation.method.rawValue) \(operation.path)", parameters: parameters, returnType: returnType
        )
    }

    private static func declaration(_ kind: IRType.Kind) -> Declaration {
        switch kind {
        case .object(let object):
            var members: [String: Member] = [:]
            for property in object.properties {
                members[property.swiftName] = Member(type: property.type.swiftName, optional: property.isOptional)
            }
            return Declaration(kind: "struct", members: members)
        case .enumeration(let enumeration):
            var members: [String: Member] = [:]
            for enumCase in enumeration.cases {
                members[enumCase.swiftName] = Member(type: enumCase.rawValue, optional: false)
            }
            return Declaration(kind: "enum", members: members)
        case .union(let union):
            var members: [String: Member] = [:]
            for unionCase in union.cases {
                members[unionCase.swiftName] = Member(type: unionCase.type.swiftName, optional: union.composition == .anyOf)
            }
            return Declaration(kind: union.composition == .anyOf ? "anyOf" : "union", members: members)
        case .alias(let target):
            return Declaration(kind: "typealias", members: ["=": Member(type: target.swiftName, optional: false)])
        }
    }
}
