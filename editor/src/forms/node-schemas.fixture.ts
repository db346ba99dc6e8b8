// Config schemas as GET /api/node-types serves them (z.toJSONSchema of each node's config, io: input),
// copied here because the editor never imports node code. Regenerate when a node's config changes.

/** JSON Schemas of real node configs, by node type. */
export const NODE_SCHEMAS: Record<string, Record<string, unknown>> = {
  "trigger.manual": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "description": {
        "title": "Description",
        "description": "When and why people start this workflow by hand.",
        "type": "string",
        "maxLength": 500
      }
    },
    "additionalProperties": false
  },
  "trigger.webhook": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "method": {
        "default": "POST",
        "title": "Method",
        "description": "The HTTP method callers use.",
        "type": "string",
        "enum": [
          "POST",
          "PUT"
        ]
      },
      "path": {
        "title": "Path",
        "description": "Optional sub-path under /hooks/<workflow id>/, e.g. \"invoices/received\".",
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
      },
      "signatureSecret": {
        "title": "Signature secret",
        "description": "Name of the secret holding the Standard Webhooks signing key; unsigned or badly signed requests are refused.",
        "type": "string",
        "minLength": 1,
        "maxLength": 200
      }
    },
    "additionalProperties": false
  },
  "flow.if": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "condition": {
        "type": "boolean",
        "title": "Condition",
        "description": "An expression that yields true or false, e.g. {{ $input.amount > 10000 }}."
      }
    },
    "required": [
      "condition"
    ],
    "additionalProperties": false
  },
  "flow.switch": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "value": {
        "title": "Value",
        "description": "The value to match, e.g. {{ $input.currency }}."
      },
      "cases": {
        "minItems": 1,
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "port": {
              "type": "string",
              "maxLength": 64,
              "pattern": "^[A-Za-z][A-Za-z0-9_-]*$",
              "title": "Port",
              "description": "Name of the output this case sends to."
            },
            "equals": {
              "title": "Equals",
              "description": "The value that selects this case (compared as JSON)."
            }
          },
          "required": [
            "port",
            "equals"
          ],
          "additionalProperties": false
        },
        "title": "Cases",
        "description": "Checked in order; the first match wins."
      }
    },
    "required": [
      "value",
      "cases"
    ],
    "additionalProperties": false
  },
  "flow.join": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "mode": {
        "default": "merge",
        "title": "Mode",
        "description": "merge: one object with the fields of every branch (later labels win); byLabel: { \"<node label>\": output }.",
        "type": "string",
        "enum": [
          "merge",
          "byLabel"
        ]
      }
    },
    "additionalProperties": false
  },
  "flow.wait": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "durationMs": {
        "title": "Duration (ms)",
        "description": "How long to wait, in milliseconds (at most 366 days).",
        "type": "integer",
        "minimum": 0,
        "maximum": 31622400000
      },
      "until": {
        "title": "Until",
        "description": "Wait until this ISO date and time, with a time zone, e.g. 2025-02-01T09:00:00Z.",
        "type": "string",
        "format": "date-time",
        "pattern": "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"
      }
    },
    "additionalProperties": false
  },
  "data.set": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "fields": {
        "type": "object",
        "propertyNames": {
          "type": "string",
          "minLength": 1
        },
        "additionalProperties": {},
        "title": "Fields",
        "description": "Field names and the values to set; a dotted name such as \"routing.level\" sets a nested field."
      },
      "keepInput": {
        "default": true,
        "title": "Keep input",
        "description": "Keep the input fields and add these; off outputs only these fields.",
        "type": "boolean"
      }
    },
    "required": [
      "fields"
    ],
    "additionalProperties": false
  },
  "data.code": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "source": {
        "type": "string",
        "minLength": 1,
        "maxLength": 20000,
        "title": "Code",
        "description": "The body of function ($input, $run, $now); return the output, e.g. return { ...$input, total: $input.net + $input.vat };"
      }
    },
    "required": [
      "source"
    ],
    "additionalProperties": false
  },
  "connector.http": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "method": {
        "type": "string",
        "enum": [
          "GET",
          "POST",
          "PUT",
          "PATCH",
          "DELETE"
        ],
        "title": "Method"
      },
      "url": {
        "type": "string",
        "format": "uri",
        "title": "URL",
        "description": "An http or https address, e.g. https://erp.example.com/api/invoices."
      },
      "headers": {
        "title": "Headers",
        "description": "Extra request headers. Idempotency-Key is always set by Countersign.",
        "type": "object",
        "propertyNames": {
          "type": "string",
          "pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"
        },
        "additionalProperties": {
          "type": "string",
          "pattern": "^[^\\r\\n\\0]*$"
        }
      },
      "body": {
        "title": "Body",
        "description": "Text is sent as is; anything else is sent as JSON (Content-Type application/json unless you set one)."
      },
      "timeoutMs": {
        "default": 30000,
        "title": "Timeout (ms)",
        "description": "Give up after this long.",
        "type": "integer",
        "minimum": 1,
        "maximum": 300000
      },
      "businessKey": {
        "title": "Business key",
        "description": "Distinguishes several calls of this node in one run (e.g. {{ $input.invoiceId }}); part of the Idempotency-Key.",
        "type": "string",
        "minLength": 1,
        "maxLength": 200
      },
      "failOnHttpError": {
        "default": true,
        "title": "Fail on HTTP error",
        "description": "Treat a non-2xx answer as a failure (retried when it may be temporary).",
        "type": "boolean"
      }
    },
    "required": [
      "method",
      "url"
    ],
    "additionalProperties": false
  }
};
