package connection

import (
	"sort"
	"strings"
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
	var b strings.Builder
	b.Grow(size + size/8)
	for _, k := range keys {
		WriteProperty(&b, k, m[k])
	}
	return b.String()
}

// WriteProperty writes one escaped "key=value\n" line.
func WriteProperty(b *strings.Builder, key, value string) {
	writeEscaped(b, key, true)
	b.WriteByte('=')
	writeEscaped(b, value, false)
	b.WriteByte('\n')
}

const hexDigits = "0123456789ABCDEF"

func writeEscaped(b *strings.Builder, s string, isKey bool) {
	if !needsEscape(s, isKey) {
		b.WriteString(s)
		return
	}
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == ' ':
			// In a key every space would end the key; in a value only a leading one would be
			// skipped as separator white space.
			if isKey || i == 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(' ')
		case r == '=' || r == ':' || r == '#' || r == '!':
			// In a value these are ordinary characters; in a key "=" and ":" end the key and
			// "#" and "!" would start a comment at the beginning of the line.
			if isKey {
				b.WriteByte('\\')
			}
			b.WriteByte(byte(r))
		case r < 0x20 || r > 0x7e:
			if r > 0xFFFF {
				hi, lo := utf16.EncodeRune(r)
				writeUnicodeEscape(b, hi)
				writeUnicodeEscape(b, lo)
			} else {
				writeUnicodeEscape(b, r)
			}
		default:
			b.WriteByte(byte(r))
		}
	}
}

func writeUnicodeEscape(b *strings.Builder, r rune) {
	b.Write([]byte{'\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF]})
}

// escapeAnywhere marks the bytes that are escaped wherever they stand: backslash, control
// characters, and every byte of a non-ASCII character. escapeInKey adds the characters that end a
// key or start a comment. A leading space in a value is checked apart.
var escapeAnywhere, escapeInKey = func() (anywhere, inKey [256]bool) {
	for c := 0; c < 256; c++ {
		anywhere[c] = c < 0x20 || c > 0x7e || c == '\\'
		inKey[c] = anywhere[c] || c == ' ' || c == '=' || c == ':' || c == '#' || c == '!'
	}
	return anywhere, inKey
}()

// needsEscape reports whether s holds anything appendEscaped would change, so that the common case
// (plain ASCII host names, numbers and credentials) is copied as it is.
func needsEscape(s string, isKey bool) bool {
	table := &escapeAnywhere
	if isKey {
		table = &escapeInKey
	} else if len(s) > 0 && s[0] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		if table[s[i]] {
			return true
		}
	}
	return false
}
