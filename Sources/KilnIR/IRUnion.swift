/// `oneOf`/`anyOf`: a value that is one of several types, generated as an enum with associated values.
public struct IRUnion: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var swiftName: String
        public var type: IRTypeReference
        /// Discriminator values selecting this case (empty without a discriminator, and for a member
        /// without the property when the discriminator is inferred: it is tried in order).
        public var discriminatorValues: [String]
        /// False when the member schema has no property for the discriminator, so encoding must add it.
        public var memberDeclaresDiscriminator: Bool
        /// The member may omit the discriminator (an inferred one it does not require): JSON without
        /// it is tried against this case too, in order.
        public var discriminatorIsOptional = false

        public init(swiftName: String, type: IRTypeReference, discriminatorValues: [String], memberDeclaresDiscriminator: Bool) {
            self.swiftName = swiftName
            self.type = type
            self.discriminatorValues = discriminatorValues
            self.memberDeclaresDiscriminator = memberDeclaresDiscriminator
        }
    }

    public enum Composition: String, Sendable, Hashable {
        /// Exactly one alternative: a Swift enum.
        case oneOf
        /// Any number of alternatives at once: a struct with one optional value per alternative.
        case anyOf
    }

    public var composition: Composition = .oneOf
    /// JSON key whose value picks the case, written as `discriminator` or inferred from members that
    /// fix it to distinct strings or integers; `nil` means each case is tried in order.
    public var discriminatorProperty: String?
    /// The discriminator's values are integers (only ever inferred: a written `discriminator` names
    /// strings), so the JSON value is read as an `Int` and the cases' values are integer literals.
    public var discriminatorIsInteger = false
    /// The enum refers to itself through its cases (recursive schemas), so it is declared `indirect`.
    public var indirect: Bool = false
    public var cases: [Case]
    /// Name of the case keeping a discriminator value this client does not know, with its raw JSON.
    public var unknownCaseName: String

    public init(discriminatorProperty: String?, cases: [Case], unknownCaseName: String) {
        self.discriminatorProperty = discriminatorProperty
        self.cases = cases
        self.unknownCaseName = unknownCaseName
    }
}
