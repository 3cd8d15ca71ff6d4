package connection

import (
	"sort"
	"unicode/utf16"
)

// The escaping below follows java.util.Properties.load(InputStream), which is how Trino reads a
// catalog file: the stream is ISO-8859-1, so the output is pure ASCII and every other character is
// written as \uXXXX (a surrogate pair beyond the Basic Multilingual Plane). Loading the output gives
// back exactly the keys and values written, whatever they contain: no value can end a line, start a
// comment or continue onto the next line.

// EncodeProperties renders any map as a Java properties file: one "key=value" line per entry, keys
// sorted by code point, LF line endings and a final newline (an empty map gives an empty string).
// Invalid UTF-8 is written as U+FFFD; Terraform strings are always valid UTF-8.
func EncodeProperties(m map[string]string) string {
	keys := make([]string, 0, len(m))
	size := 0
	for k, v := range m {
		keys = append(keys, k)
		size += len(k) + len(v) + 2
	}
	sort.Strings(keys)
	b := make([]byte, 0, size)
	for _, k := range keys {
		b = AppendProperty(b, k, m[k])
	}
	return string(b)
}

// AppendProperty appends one escaped "key=value\n" line to b.
func AppendProperty(b []byte, key, value string) []byte {
	b = appendEscaped(b, key, true)
	b = append(b, '=')
	b = appendEscaped(b, value, false)
	return append(b, '\n')
}

const hexDigits = "0123456789ABCDEF"

func appendEscaped(b []byte, s string, isKey bool) []byte {
	if !needsEscape(s, isKey) {
		return append(b, s...)
	}
	for i, r := range s {
		switch {
		case r == '\\':
			b = append(b, '\\', '\\')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\f':
			b = append(b, '\\', 'f')
		case r == ' ':
			// In a key every space would end the key; in a value only a leading one would be
			// skipped as separator white space.
			if isKey || i == 0 {
				b = append(b, '\\')
			}
			b = append(b, ' ')
		case r == '=' || r == ':' || r == '#' || r == '!':
			// In a value these are ordinary characters; in a key "=" and ":" end the key and
			// "#" and "!" would start a comment at the beginning of the line.
			if isKey {
				b = append(b, '\\')
			}
			b = append(b, byte(r))
		case r < 0x20 || r > 0x7e:
			if r > 0xFFFF {
				hi, lo := utf16.EncodeRune(r)
				b = appendUnicodeEscape(b, hi)
				b = appendUnicodeEscape(b, lo)
			} else {
				b = appendUnicodeEscape(b, r)
			}
		default:
			b = append(b, byte(r))
		}
	}
	return b
}

func appendUnicodeEscape(b []byte, r rune) []byte {
	return append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
}

// needsEscape reports whether s holds anything appendEscaped would change, so that the common case
// (plain ASCII host names, numbers and credentials) is copied as it is.
func needsEscape(s string, isKey bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c > 0x7e || c == '\\':
			return true
		case c == ' ' && (isKey || i == 0):
			return true
		case isKey && (c == '=' || c == ':' || c == '#' || c == '!'):
			return true
		}
	}
	return false
}
