// Package propertiestest reads Java properties files the way Trino does, for tests: with a Go
// reader that follows java.util.Properties.load, and with the real java.util.Properties.
package propertiestest

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Load parses s as java.util.Properties.load(InputStream) does: bytes are ISO-8859-1 characters,
// lines end at LF, CR or CRLF, "#" and "!" start comments, a line ending in an odd number of
// backslashes continues, and backslash escapes (\uXXXX among them) are decoded. It returns an error
// where Java throws one (a malformed \u escape).
func Load(s string) (map[string]string, error) {
	m := map[string]string{}
	lines := logicalLines(s)
	for _, line := range lines {
		keyEnd, valueStart := splitLine(line)
		key, err := unescape(line[:keyEnd])
		if err != nil {
			return nil, err
		}
		value, err := unescape(line[valueStart:])
		if err != nil {
			return nil, err
		}
		m[key] = value
	}
	return m, nil
}

func isWhite(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// logicalLines joins continued lines and drops blank and comment lines, following the state
// machine of Java's Properties.LineReader.
func logicalLines(s string) []string {
	var out []string
	var buf []byte
	skipWhite, appendedLineBegin, backslash, comment, newLine, skipLF := true, false, false, false, true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if skipLF {
			skipLF = false
			if c == '\n' {
				continue
			}
		}
		if skipWhite {
			if isWhite(c) || (!appendedLineBegin && (c == '\r' || c == '\n')) {
				continue
			}
			skipWhite, appendedLineBegin = false, false
		}
		if newLine {
			newLine = false
			if c == '#' || c == '!' {
				comment = true
			}
		}
		if c != '\n' && c != '\r' {
			if !comment {
				buf = append(buf, c)
				backslash = c == '\\' && !backslash
			}
			continue
		}
		if comment || len(buf) == 0 {
			comment, newLine, skipWhite, backslash, buf = false, true, true, false, buf[:0]
			continue
		}
		if backslash {
			buf = buf[:len(buf)-1]
			skipWhite, appendedLineBegin, backslash = true, true, false
			skipLF = c == '\r'
			continue
		}
		out = append(out, string(buf))
		buf, newLine, skipWhite = buf[:0], true, true
	}
	if len(buf) > 0 && !comment {
		if backslash {
			buf = buf[:len(buf)-1]
		}
		out = append(out, string(buf))
	}
	return out
}

// splitLine finds where the key ends and the value starts, as Properties.load does.
func splitLine(line string) (keyEnd, valueStart int) {
	valueStart = len(line)
	hasSep, precededByBackslash := false, false
	for keyEnd = 0; keyEnd < len(line); keyEnd++ {
		c := line[keyEnd]
		if (c == '=' || c == ':') && !precededByBackslash {
			valueStart, hasSep = keyEnd+1, true
			break
		}
		if isWhite(c) && !precededByBackslash {
			valueStart = keyEnd + 1
			break
		}
		precededByBackslash = c == '\\' && !precededByBackslash
	}
	if keyEnd == len(line) {
		return keyEnd, keyEnd
	}
	for valueStart < len(line) {
		c := line[valueStart]
		if !isWhite(c) {
			if !hasSep && (c == '=' || c == ':') {
				hasSep = true
			} else {
				break
			}
		}
		valueStart++
	}
	return keyEnd, valueStart
}

func unescape(s string) (string, error) {
	var units []uint16
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			units = append(units, uint16(c))
			continue
		}
		i++
		if i == len(s) {
			// Java keeps a lone trailing backslash's absence: the escape is dropped.
			break
		}
		switch c = s[i]; c {
		case 't':
			units = append(units, '\t')
		case 'n':
			units = append(units, '\n')
		case 'r':
			units = append(units, '\r')
		case 'f':
			units = append(units, '\f')
		case 'u':
			if i+5 > len(s) {
				return "", fmt.Errorf("malformed \\uxxxx encoding")
			}
			v, err := strconv.ParseUint(s[i+1:i+5], 16, 16)
			if err != nil {
				return "", fmt.Errorf("malformed \\uxxxx encoding")
			}
			units = append(units, uint16(v))
			i += 4
		default:
			units = append(units, uint16(c))
		}
	}
	return string(utf16.Decode(units)), nil
}

// JavaLoad writes each file's text to a temporary folder, loads them all in one run of the real
// java.util.Properties (testdata/LoadProperties.java, run with the java on the PATH) and returns the
// maps in order. It fails, never skips, when java is missing: the round trip is the proof that
// Trino reads what the provider meant.
func JavaLoad(dir string, files []string) ([]map[string]string, error) {
	javaBin, err := exec.LookPath("java")
	if err != nil {
		return nil, fmt.Errorf("java is required for the java.util.Properties round trip (install a JDK 11 or later): %w", err)
	}
	_, self, _, _ := runtime.Caller(0)
	source := filepath.Join(filepath.Dir(self), "testdata", "LoadProperties.java")
	args := []string{source}
	for i, text := range files {
		path := filepath.Join(dir, fmt.Sprintf("%d.properties", i))
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			return nil, err
		}
		args = append(args, path)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(javaBin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("java: %w: %s", err, stderr.String())
	}
	var out []map[string]string
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		line := sc.Text()
		if line == "file" {
			out = append(out, map[string]string{})
			continue
		}
		k, v, ok := strings.Cut(line, " ")
		if !ok || len(out) == 0 {
			return nil, fmt.Errorf("unexpected output line %q", line)
		}
		key, err1 := hex.DecodeString(strings.TrimPrefix(k, "x"))
		value, err2 := hex.DecodeString(strings.TrimPrefix(v, "x"))
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("unexpected output line %q", line)
		}
		out[len(out)-1][string(key)] = string(value)
	}
	if len(out) != len(files) {
		return nil, fmt.Errorf("java loaded %d files, want %d", len(out), len(files))
	}
	return out, sc.Err()
}
