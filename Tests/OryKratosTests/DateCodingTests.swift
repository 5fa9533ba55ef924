import Foundation
import OryKratos
import XCTest

final class DateCodingTests: XCTestCase {
    private func decodeDates(_ texts: [String]) throws -> [Date] {
        try JSONCoding.makeDecoder().decode([Date].self, from: JSONEncoder().encode(texts))
    }

    private func decodeDate(_ text: String) throws -> Date {
        try XCTUnwrap(try decodeDates([text]).first)
    }

    private func encodeDate(_ date: Date) throws -> String {
        let texts = try JSONDecoder().decode([String].self, from: JSONCoding.makeEncoder().encode([date]))
        return try XCTUnwrap(texts.first)
    }

    func testFormatsKratosSends() throws {
        let cases: [(text: String, expected: TimeInterval)] = [
            ("2024-05-01T12:30:00Z", mayFirst1230UTC),
            ("2024-05-01T12:30:00.123Z", mayFirst1230UTC + 0.123),
            ("2024-05-01T12:30:00.123456789Z", mayFirst1230UTC + 0.123456789),
            ("2024-05-01T14:30:00+02:00", mayFirst1230UTC),
            ("2024-05-01T07:00:00.5-05:30", mayFirst1230UTC + 0.5),
            ("2024-05-01T12:30:00.000000001Z", mayFirst1230UTC),
            ("1969-07-20T20:17:40Z", -14_182_940),
        ]
        let dates = try decodeDates(cases.map(\.text))
        XCTAssertEqual(dates.count, cases.count)
        for (date, testCase) in zip(dates, cases) {
            XCTAssertEqual(date.timeIntervalSince1970, testCase.expected, accuracy: 1e-6, testCase.text)
        }
    }

    func testDatesInsideAModel() throws {
        let cases: [(text: String, expected: TimeInterval)] = [
            ("2024-05-01T12:30:00Z", mayFirst1230UTC),
            ("2024-05-01T12:30:00.123Z", mayFirst1230UTC + 0.123),
            ("2024-05-01T12:30:00.123456789Z", mayFirst1230UTC + 0.123456789),
            ("2024-05-01T14:30:00+02:00", mayFirst1230UTC),
        ]
        for testCase in cases {
            let session = try decodeKratos(Session.self, from: KratosPayloads.session(authenticatedAt: testCase.text))
            let authenticatedAt = try XCTUnwrap(session.authenticatedAt, testCase.text)
            XCTAssertEqual(authenticatedAt.timeIntervalSince1970, testCase.expected, accuracy: 1e-6, testCase.text)
            XCTAssertEqual(session.id, UUID(uuidString: KratosPayloads.sessionID))
        }
    }

    func testWholeSessionDecodes() throws {
        let session = try decodeKratos(Session.self, from: KratosPayloads.whoamiSession)

        XCTAssertEqual(session.active, true)
        XCTAssertEqual(session.authenticatorAssuranceLevel, .aal1)
        XCTAssertEqual(try XCTUnwrap(session.expiresAt).timeIntervalSince1970, mayFirst1230UTC + 86_400.417732951, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(session.issuedAt).timeIntervalSince1970, mayFirst1230UTC + 0.417732951, accuracy: 1e-6)
        let method = try XCTUnwrap(session.authenticationMethods?.first)
        XCTAssertEqual(method.method, .password)
        XCTAssertEqual(method.aal, .aal1)
        XCTAssertEqual(try XCTUnwrap(method.completedAt).timeIntervalSince1970, mayFirst1230UTC + 0.417732951, accuracy: 1e-6)
        XCTAssertEqual(session.identity?.id, UUID(uuidString: KratosPayloads.identityID))
        XCTAssertEqual(session.identity?.traits["email"]?.stringValue, "ada@example.com")
        XCTAssertNil(session.identity?.metadataPublic)
        let device = try XCTUnwrap(session.devices?.first)
        XCTAssertEqual(device.id, UUID(uuidString: "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293"))
        XCTAssertEqual(device.ipAddress, "203.0.113.7")
        XCTAssertEqual(device.location, "Berlin, DE")
        XCTAssertNil(session.tokenized)
    }

    func testMalformedDatesAreDecodingErrors() throws {
        let malformed = [
            "2024-05-01",
            "2024-05-01T12:30:00",
            "2024-05-01T12:30Z",
            "2024-13-01T12:30:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:30:00+0200",
            "2024-05-01T12:30:00Z trailing",
            "01/05/2024 12:30",
            "yesterday",
            "",
        ]
        for text in malformed {
            XCTAssertThrowsError(try decodeDates([text]), "\"\(text)\" should be rejected") { error in
                guard case DecodingError.dataCorrupted = error else {
                    return XCTFail("\"\(text)\": expected DecodingError.dataCorrupted, got \(error)")
                }
            }
        }
    }

    /// RFC 3339 `full-date` only admits days that exist in the month (section 5.7); Go's
    /// `time.Parse`, which produces Kratos' dates, rejects the others too.
    func testImpossibleCalendarDatesAreRejected() throws {
        for text in ["2024-02-31T12:30:00Z", "2023-02-29T00:00:00Z", "2024-04-31T08:00:00Z"] {
            XCTAssertThrowsError(try decodeDates([text]), "\"\(text)\" is not a real day and should be rejected")
        }
        // A leap day is fine.
        XCTAssertEqual(try decodeDate("2024-02-29T00:00:00Z").timeIntervalSince1970, 1_709_164_800, accuracy: 1e-6)
    }

    /// RFC 3339 section 5.6: `time-secfrac = "." 1*DIGIT`, and the offset's `time-hour` is 00–23 and
    /// `time-minute` 00–59.
    func testEmptyFractionsAndOutOfRangeOffsetsAreRejected() throws {
        for text in ["2024-05-01T12:30:00.Z", "2024-05-01T12:30:00+25:00", "2024-05-01T12:30:00+02:75"] {
            XCTAssertThrowsError(try decodeDates([text]), "\"\(text)\" is not RFC 3339 and should be rejected")
        }
        // What RFC 3339 does allow: lower-case separators, a space instead of "T", a leap second.
        XCTAssertEqual(try decodeDate("2024-05-01t12:30:00z").timeIntervalSince1970, mayFirst1230UTC, accuracy: 1e-6)
        XCTAssertEqual(try decodeDate("2024-05-01 12:30:00Z").timeIntervalSince1970, mayFirst1230UTC, accuracy: 1e-6)
        XCTAssertEqual(try decodeDate("2016-12-31T23:59:60Z").timeIntervalSince1970, 1_483_228_800, accuracy: 1e-6)
    }

    func testMalformedDateInAModelIsADecodingError() throws {
        let json = KratosPayloads.session(authenticatedAt: "Wed, 01 May 2024 12:30:00 GMT")
        XCTAssertThrowsError(try decodeKratos(Session.self, from: json)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else {
                return XCTFail("expected DecodingError.dataCorrupted, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["authenticated_at"])
        }
    }

    func testNonStringDateIsADecodingError() throws {
        XCTAssertThrowsError(try JSONCoding.makeDecoder().decode([Date].self, from: Data("[1714566600]".utf8))) { error in
            guard case DecodingError.typeMismatch = error else {
                return XCTFail("expected DecodingError.typeMismatch, got \(error)")
            }
        }
    }

    func testEncodingWritesRFC3339InUTC() throws {
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: mayFirst1230UTC)), "2024-05-01T12:30:00Z")
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: mayFirst1230UTC + 0.123)), "2024-05-01T12:30:00.123Z")
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: mayFirst1230UTC + 0.5)), "2024-05-01T12:30:00.5Z")
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: -14_182_940)), "1969-07-20T20:17:40Z")
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(try encodeDate(Date(timeIntervalSince1970: 1_709_164_799.75)), "2024-02-28T23:59:59.75Z")
    }

    func testEncodedDatesDecodeToTheSameInstant() throws {
        let inputs = [
            "2024-05-01T12:30:00Z",
            "2024-05-01T12:30:00.123Z",
            "2024-05-01T12:30:00.123456789Z",
            "2024-05-01T14:30:00+02:00",
            "2024-12-31T23:59:59.999999Z",
            "1969-12-31T23:59:59.25Z",
        ]
        for text in inputs {
            let date = try decodeDate(text)
            let encoded = try encodeDate(date)
            XCTAssertTrue(encoded.hasSuffix("Z"), "\(encoded) should be in UTC")
            XCTAssertGreaterThanOrEqual(encoded.count, 20, "\(encoded) is too short for RFC 3339")
            let again = try decodeDate(encoded)
            XCTAssertEqual(again.timeIntervalSince1970, date.timeIntervalSince1970, accuracy: 1e-6, "\(text) → \(encoded)")
        }
        XCTAssertEqual(try encodeDate(try decodeDate("2024-05-01T14:30:00+02:00")), "2024-05-01T12:30:00Z")
        XCTAssertEqual(try encodeDate(try decodeDate("2024-05-01T12:30:00.123456789Z")), "2024-05-01T12:30:00.123457Z")
    }

    func testSessionRoundTripKeepsInstants() throws {
        let session = try decodeKratos(Session.self, from: KratosPayloads.session(authenticatedAt: "2024-05-01T14:30:00.25+02:00"))
        let document = try jsonValue(try encodeKratos(session))

        XCTAssertEqual(document["authenticated_at"], "2024-05-01T12:30:00.25Z")
        XCTAssertEqual(document["issued_at"], "2024-05-01T12:30:00.417733Z")
        XCTAssertEqual(document["authentication_methods"]?[0]?["completed_at"], "2024-05-01T12:30:00.417733Z")
    }
}
