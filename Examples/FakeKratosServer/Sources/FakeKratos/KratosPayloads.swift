import Foundation

/// JSON bodies as Ory Kratos v26 sends them: snake_case keys, lowercase UUIDs, RFC 3339 dates with
/// Go's nanosecond precision for in-memory times and microseconds for database timestamps.
public enum KratosPayloads {
    public static let loginFlowID = "0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b"
    public static let identityID = "9f425a8d-7efc-4768-8f23-7647a74fdf13"
    static let sessionID = "5d1c2a7e-8b9f-4c3d-a1e2-f3b4c5d6e7f8"

    /// A browser login flow whose `ui.nodes` hold one node of every `node_type` (five inputs, then
    /// text, img, a, script and div), in that order.
    static let loginFlow = #"""
    {
      "id": "0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b",
      "organization_id": null,
      "type": "browser",
      "expires_at": "2024-05-01T13:30:00.417732951Z",
      "issued_at": "2024-05-01T12:30:00.417732951Z",
      "request_url": "https://auth.example.com/self-service/login/browser?return_to=https%3A%2F%2Fapp.example.com%2Fdashboard",
      "return_to": "https://app.example.com/dashboard",
      "active": "password",
      "ui": {
        "action": "https://auth.example.com/self-service/login?flow=0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b",
        "method": "POST",
        "nodes": [
          {
            "type": "input",
            "group": "default",
            "attributes": {
              "name": "csrf_token",
              "type": "hidden",
              "value": "kT3ZkV0cN2l0YWxzZWNyZXQtY3NyZi10b2tlbi12YWx1ZQ==",
              "required": true,
              "disabled": false,
              "node_type": "input"
            },
            "messages": [],
            "meta": {}
          },
          {
            "type": "input",
            "group": "default",
            "attributes": {
              "name": "identifier",
              "type": "text",
              "value": "",
              "required": true,
              "autocomplete": "username webauthn",
              "disabled": false,
              "node_type": "input",
              "label": {
                "id": 1070002,
                "text": "E-Mail",
                "type": "info",
                "context": { "title": "E-Mail" }
              }
            },
            "messages": [],
            "meta": {
              "label": {
                "id": 1070002,
                "text": "E-Mail",
                "type": "info",
                "context": { "title": "E-Mail" }
              }
            }
          },
          {
            "type": "input",
            "group": "password",
            "attributes": {
              "name": "password",
              "type": "password",
              "required": true,
              "autocomplete": "current-password",
              "maxlength": 72,
              "disabled": false,
              "node_type": "input"
            },
            "messages": [
              {
                "id": 4000002,
                "text": "Property password is missing.",
                "type": "error",
                "context": { "property": "password" }
              }
            ],
            "meta": {
              "label": { "id": 1070001, "text": "Password", "type": "info" }
            }
          },
          {
            "type": "input",
            "group": "password",
            "attributes": {
              "name": "method",
              "type": "submit",
              "value": "password",
              "disabled": false,
              "node_type": "input"
            },
            "messages": [],
            "meta": {
              "label": { "id": 1010001, "text": "Sign in", "type": "info" }
            }
          },
          {
            "type": "input",
            "group": "webauthn",
            "attributes": {
              "name": "webauthn_login_trigger",
              "type": "button",
              "value": "",
              "disabled": false,
              "onclick": "window.__oryWebAuthnLogin({\"publicKey\":{\"challenge\":\"dGVzdC1jaGFsbGVuZ2U\",\"rpId\":\"auth.example.com\"}})",
              "onclickTrigger": "oryWebAuthnLogin",
              "onload": "window.__oryWebAuthnInit()",
              "onloadTrigger": "oryPasskeyLoginAutocompleteInit",
              "node_type": "input"
            },
            "messages": [],
            "meta": {
              "label": { "id": 1010008, "text": "Sign in with hardware key", "type": "info" }
            }
          },
          {
            "type": "text",
            "group": "lookup_secret",
            "attributes": {
              "text": {
                "id": 1050015,
                "text": "3r9noma8, bdtm8k4y",
                "type": "info",
                "context": {
                  "secrets": [
                    { "context": { "secret": "3r9noma8" }, "id": 1050009, "text": "3r9noma8", "type": "info" },
                    { "context": { "secret": "bdtm8k4y" }, "id": 1050009, "text": "bdtm8k4y", "type": "info" }
                  ]
                }
              },
              "id": "lookup_secret_codes",
              "node_type": "text"
            },
            "messages": [],
            "meta": {
              "label": {
                "id": 1050010,
                "text": "These are your back up recovery codes. Please keep them in a safe place!",
                "type": "info"
              }
            }
          },
          {
            "type": "img",
            "group": "totp",
            "attributes": {
              "src": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
              "id": "totp_qr",
              "width": 256,
              "height": 256,
              "node_type": "img"
            },
            "messages": [],
            "meta": {
              "label": { "id": 1050005, "text": "Authenticator app QR code", "type": "info" }
            }
          },
          {
            "type": "a",
            "group": "default",
            "attributes": {
              "href": "https://auth.example.com/self-service/recovery/browser",
              "title": { "id": 1070012, "text": "Forgot your password?", "type": "info" },
              "id": "recovery_link",
              "node_type": "a"
            },
            "messages": [],
            "meta": {}
          },
          {
            "type": "script",
            "group": "webauthn",
            "attributes": {
              "src": "https://auth.example.com/.well-known/ory/webauthn.js",
              "async": true,
              "referrerpolicy": "no-referrer",
              "crossorigin": "anonymous",
              "integrity": "sha512-MDlF6TL8ZqSkUUrDKBRs4tlPYEBKA7T0ZgYKrwnnpKfVHCGERFBdDIODKu2RUq9mRDL7OLHvx8ceo3GLnT4sHQ==",
              "type": "text/javascript",
              "id": "webauthn_script",
              "nonce": "7b61c3f8c3cf4a7f9d4c2e1a",
              "node_type": "script"
            },
            "messages": [],
            "meta": {}
          },
          {
            "type": "div",
            "group": "captcha",
            "attributes": {
              "class": "cf-turnstile",
              "id": "cf-turnstile",
              "data": {
                "sitekey": "0x4AAAAAAADnPIDROrmt1Wwj",
                "action": "login",
                "theme": "light"
              },
              "node_type": "div"
            },
            "messages": [],
            "meta": {}
          }
        ],
        "messages": [
          {
            "id": 1010003,
            "text": "Please confirm this action by verifying that it is you.",
            "type": "info",
            "context": {}
          }
        ]
      },
      "created_at": "2024-05-01T12:30:00.418901Z",
      "updated_at": "2024-05-01T12:30:00.418901Z",
      "refresh": false,
      "requested_aal": "aal1",
      "state": "choose_method"
    }
    """#

    /// What `POST /self-service/login` answers with HTTP 400 after wrong credentials.
    static let loginFlowWithInvalidCredentials = #"""
    {
      "id": "0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b",
      "type": "api",
      "expires_at": "2024-05-01T13:30:00.417732951Z",
      "issued_at": "2024-05-01T12:30:00.417732951Z",
      "request_url": "https://auth.example.com/self-service/login/api",
      "ui": {
        "action": "https://auth.example.com/self-service/login?flow=0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b",
        "method": "POST",
        "nodes": [
          {
            "type": "input",
            "group": "default",
            "attributes": {
              "name": "identifier",
              "type": "text",
              "value": "ada@example.com",
              "required": true,
              "disabled": false,
              "node_type": "input"
            },
            "messages": [],
            "meta": { "label": { "id": 1070004, "text": "ID", "type": "info" } }
          },
          {
            "type": "input",
            "group": "password",
            "attributes": {
              "name": "password",
              "type": "password",
              "required": true,
              "autocomplete": "current-password",
              "disabled": false,
              "node_type": "input"
            },
            "messages": [],
            "meta": { "label": { "id": 1070001, "text": "Password", "type": "info" } }
          }
        ],
        "messages": [
          {
            "id": 4000006,
            "text": "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
            "type": "error",
            "context": {}
          }
        ]
      },
      "created_at": "2024-05-01T12:30:00.418901Z",
      "updated_at": "2024-05-01T12:31:07.102934Z",
      "refresh": false,
      "requested_aal": "aal1",
      "state": "choose_method"
    }
    """#

    /// `GET /admin/identities/{id}?include_credential=password&include_credential=oidc`.
    static let identity = #"""
    {
      "id": "9f425a8d-7efc-4768-8f23-7647a74fdf13",
      "credentials": {
        "password": {
          "type": "password",
          "identifiers": ["ada@example.com"],
          "config": {
            "hashed_password": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
          },
          "version": 0,
          "created_at": "2024-04-30T09:15:42.512398Z",
          "updated_at": "2024-04-30T09:15:42.512398Z"
        },
        "oidc": {
          "type": "oidc",
          "identifiers": ["google:108150934587329473421"],
          "config": {
            "providers": [
              {
                "subject": "108150934587329473421",
                "provider": "google",
                "initial_id_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIxMDgxNTA5MzQ1ODczMjk0NzM0MjEifQ.c2ln",
                "initial_access_token": "ya29.a0AfB_byC3",
                "initial_refresh_token": "1//0gLd8",
                "use_auto_link": false
              }
            ]
          },
          "version": 0,
          "created_at": "2024-04-30T09:17:03.004411Z",
          "updated_at": "2024-04-30T09:17:03.004411Z"
        }
      },
      "schema_id": "customer",
      "schema_url": "https://auth.example.com/schemas/Y3VzdG9tZXI",
      "state": "active",
      "state_changed_at": "2024-04-30T09:15:42.509875Z",
      "traits": {
        "email": "ada@example.com",
        "name": { "first": "Ada", "last": "Lovelace" },
        "phone": "+4915112345678",
        "newsletter": true,
        "age": 36,
        "languages": ["en", "fr"]
      },
      "verifiable_addresses": [
        {
          "id": "d0b2b5c1-6f1e-4c52-9d8a-0e7f3b2a1c9d",
          "value": "ada@example.com",
          "verified": true,
          "via": "email",
          "status": "completed",
          "verified_at": "2024-04-30T09:20:11.903124Z",
          "created_at": "2024-04-30T09:15:42.514001Z",
          "updated_at": "2024-04-30T09:20:11.903511Z"
        },
        {
          "id": "7c3e9a14-2b5d-4f60-8e71-a9b0c1d2e3f4",
          "value": "+4915112345678",
          "verified": false,
          "via": "sms",
          "status": "pending",
          "verified_at": null,
          "created_at": "2024-04-30T09:15:42.514001Z",
          "updated_at": "2024-04-30T09:15:42.514001Z"
        }
      ],
      "recovery_addresses": [
        {
          "id": "1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0",
          "value": "ada@example.com",
          "via": "email",
          "created_at": "2024-04-30T09:15:42.515220Z",
          "updated_at": "2024-04-30T09:15:42.515220Z"
        }
      ],
      "metadata_public": { "plan": "pro", "seats": 5, "beta": true },
      "metadata_admin": null,
      "created_at": "2024-04-30T09:15:42.512398Z",
      "updated_at": "2024-04-30T09:20:11.904002Z",
      "organization_id": null
    }
    """#

    /// The 404 of `GET /admin/identities/{id}`.
    static let identityNotFound = #"""
    {
      "error": {
        "id": "not_found",
        "code": 404,
        "status": "Not Found",
        "request": "b3c1f7e4-5a2d-4c8e-9f0a-1d2e3f4a5b6c",
        "reason": "Identity with ID 9f425a8d-7efc-4768-8f23-7647a74fdf13 does not exist.",
        "message": "The requested resource could not be found",
        "details": {
          "docs": "https://www.ory.sh/docs/kratos/manage-identities/overview",
          "retryable": false,
          "attempt": 1,
          "lookup": { "table": "identities", "elapsed_ms": 0.42 }
        },
        "debug": "sql: no rows in result set"
      }
    }
    """#

    /// A session as `GET /sessions/whoami` returns it; `authenticatedAt` is inserted verbatim.
    static func session(authenticatedAt: String) -> String {
        #"""
        {
          "id": "5d1c2a7e-8b9f-4c3d-a1e2-f3b4c5d6e7f8",
          "active": true,
          "expires_at": "2024-05-02T12:30:00.417732951Z",
          "authenticated_at": "\#(authenticatedAt)",
          "authenticator_assurance_level": "aal1",
          "authentication_methods": [
            { "method": "password", "aal": "aal1", "completed_at": "2024-05-01T12:30:00.417732951Z" }
          ],
          "issued_at": "2024-05-01T12:30:00.417732951Z",
          "identity": {
            "id": "9f425a8d-7efc-4768-8f23-7647a74fdf13",
            "schema_id": "customer",
            "schema_url": "https://auth.example.com/schemas/Y3VzdG9tZXI",
            "state": "active",
            "traits": { "email": "ada@example.com" },
            "metadata_public": null,
            "created_at": "2024-04-30T09:15:42.512398Z",
            "updated_at": "2024-04-30T09:20:11.904002Z",
            "organization_id": null
          },
          "devices": [
            {
              "id": "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293",
              "ip_address": "203.0.113.7",
              "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
              "location": "Berlin, DE"
            }
          ]
        }
        """#
    }

    static let whoamiSession = session(authenticatedAt: "2024-05-01T12:30:00.417732951Z")
}
