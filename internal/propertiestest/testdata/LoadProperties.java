import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Loads each file named on the command line with java.util.Properties.load(InputStream), the call
 * Trino's configuration loader makes, and prints what it read: a "file" line, then one line per
 * entry with the key and the value as hex-encoded UTF-8, so that no character can be misread.
 */
public class LoadProperties {
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String path : args) {
            Properties properties = new Properties();
            try (InputStream in = new FileInputStream(path)) {
                properties.load(in);
            }
            Map<String, String> sorted = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                sorted.put(key, properties.getProperty(key));
            }
            out.println("file");
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                out.println("x" + hex(entry.getKey()) + " x" + hex(entry.getValue()));
            }
        }
    }

    private static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
