import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Trino judge: loads catalog files with one Trino release's own Pinot connector, the way a
 * Trino server loads its static catalogs, and says for each whether Trino would start with it.
 *
 * <p>Run with that release's engine jars (trino-main and its dependencies) on the class path; the
 * plugin's jars are loaded in Trino's own plugin class loader, as the server does:
 *
 * <pre>
 *   java -cp 'lib/*' Judge.java catalogs PLUGIN_DIR CATALOG_DIR
 *   java -cp 'lib/*' Judge.java values PLUGIN_DIR VALUES_FILE
 *   java -cp 'lib/*' Judge.java names PLUGIN_DIR -
 * </pre>
 *
 * <p>{@code catalogs} prints one JSON line per {@code *.properties} file (a static catalog) and per
 * {@code *.sql} file (a CREATE CATALOG statement), in name order:
 * {@code {"catalog":"x.properties","loaded":true,"errors":[],"properties":{...}}} or
 * {@code "loaded":false} with Trino's own messages; properties are what Trino read, before it
 * resolves secret references. {@code values} reads lines {@code TYPE<TAB>HEX(UTF-8 value)} and prints,
 * per line, how airlift's configuration binding reads the value: {@code {"ok":true,"value":"..."}}
 * or {@code {"ok":false}}. {@code names} prints every property name the connector's config classes
 * bind, with its Java type and its kind (config, legacy, defunct), as the annotations say.
 *
 * <p>Release-specific entry points (the class loader factory, the properties loader, the secrets
 * resolver) are found by reflection, so this one file serves every release.
 */
public final class Judge {
    private Judge() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Judge (catalogs PLUGIN_DIR CATALOG_DIR | values PLUGIN_DIR VALUES_FILE)");
            System.exit(2);
        }
        // The connector logs through java.util.logging; its lines are not verdicts.
        java.util.logging.LogManager.getLogManager().reset();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        ClassLoader plugin = pluginClassLoader(Path.of(args[1]));
        switch (args[0]) {
            case "catalogs" -> judgeCatalogs(plugin, Path.of(args[2]), out);
            case "values" -> judgeValues(Path.of(args[2]), out);
            case "names" -> listNames(plugin, out);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
        out.flush();
        // Connector threads (caches, gRPC) may linger after shutdown; the verdicts are written.
        System.exit(0);
    }

    // ---- catalogs ------------------------------------------------------------------------------

    private static void judgeCatalogs(ClassLoader plugin, Path dir, PrintStream out) throws Exception {
        Object factory = pinotConnectorFactory(plugin);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".properties") || p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            Map<String, String> read = new java.util.TreeMap<>();
            List<String> errors = judgeCatalog(plugin, factory, file, read);
            out.println("{\"catalog\":" + json(file.getFileName().toString())
                    + ",\"loaded\":" + errors.isEmpty()
                    + ",\"errors\":" + json(errors)
                    + ",\"properties\":" + json(read) + "}");
        }
    }

    /**
     * Returns Trino's messages for a catalog it refuses, or an empty list when it loads; fills read
     * with the properties Trino read, before it resolves secret references.
     */
    private static List<String> judgeCatalog(ClassLoader plugin, Object factory, Path file, Map<String, String> read) {
        Map<String, String> properties;
        String connectorName;
        try {
            if (file.toString().endsWith(".sql")) {
                properties = new HashMap<>();
                connectorName = parseCreateCatalog(Files.readString(file, StandardCharsets.UTF_8), properties);
            }
            else {
                properties = new HashMap<>(loadProperties(file));
                // StaticCatalogManager takes connector.name out before the connector sees the rest.
                connectorName = properties.remove("connector.name");
            }
        }
        catch (Throwable e) {
            return messages(e);
        }
        read.putAll(properties);
        if (connectorName == null) {
            return List.of("Catalog configuration " + file.getFileName() + " does not contain connector.name");
        }
        if (!connectorName.equals("pinot")) {
            return List.of("No factory for connector '" + connectorName + "'");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(plugin);
        try {
            properties = resolveSecrets(properties);
            Object context = Class.forName("io.trino.testing.TestingConnectorContext").getConstructor().newInstance();
            Method create = findMethod(factory.getClass(), "create", 3);
            Object connector = create.invoke(factory, catalogName(file), properties, context);
            findMethod(connector.getClass(), "shutdown", 0).invoke(connector);
            return List.of();
        }
        catch (Throwable e) {
            return messages(e);
        }
        finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * Reads a CREATE CATALOG statement with the release's own SQL parser, as Trino's
     * CreateCatalogTask does: each property value is evaluated as a varchar constant, which for
     * the string literals the provider writes is the literal's value (a later name wins, as in
     * Trino's map). Returns the connector name.
     */
    private static String parseCreateCatalog(String sql, Map<String, String> properties) throws Exception {
        Class<?> parserType = Class.forName("io.trino.sql.parser.SqlParser");
        Object parser = parserType.getConstructor().newInstance();
        Object statement;
        try {
            statement = parserType.getMethod("createStatement", String.class).invoke(parser, sql);
        }
        catch (NoSuchMethodException e) {
            Class<?> options = Class.forName("io.trino.sql.parser.ParsingOptions");
            statement = parserType.getMethod("createStatement", String.class, options).invoke(parser, sql, options.getConstructor().newInstance());
        }
        if (!statement.getClass().getSimpleName().equals("CreateCatalog")) {
            throw new IllegalArgumentException("not a CREATE CATALOG statement: " + statement.getClass().getSimpleName());
        }
        String connector = identifier(statement.getClass().getMethod("getConnectorName").invoke(statement));
        for (Object property : (List<?>) statement.getClass().getMethod("getProperties").invoke(statement)) {
            String name = identifier(property.getClass().getMethod("getName").invoke(property));
            Object value;
            try {
                value = property.getClass().getMethod("getNonDefaultValue").invoke(property);
            }
            catch (NoSuchMethodException e) {
                value = property.getClass().getMethod("getValue").invoke(property);
            }
            if (!value.getClass().getSimpleName().equals("StringLiteral")) {
                throw new IllegalArgumentException("Invalid value for catalog property '" + name + "': " + value.getClass().getSimpleName() + " is not a string literal");
            }
            properties.put(name, (String) value.getClass().getMethod("getValue").invoke(value));
        }
        return connector;
    }

    private static String identifier(Object identifier) throws ReflectiveOperationException {
        return (String) identifier.getClass().getMethod("getValue").invoke(identifier);
    }

    private static String catalogName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Loads a catalog file as Trino's static catalog store does: airlift's loader where it exists. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> loadProperties(Path file) throws Exception {
        try {
            Class<?> loader = Class.forName("io.airlift.configuration.ConfigurationLoader");
            Method m = loader.getMethod("loadPropertiesFrom", String.class);
            return (Map<String, String>) m.invoke(null, file.toString());
        }
        catch (ClassNotFoundException | NoSuchMethodException e) {
            Properties p = new Properties();
            try (InputStream in = new FileInputStream(file.toFile())) {
                p.load(in);
            }
            Map<String, String> map = new HashMap<>();
            p.forEach((k, v) -> map.put((String) k, ((String) v).trim()));
            return map;
        }
    }

    /**
     * From release 454 Trino resolves ${provider:key} references itself, before the connector,
     * with the environment variable provider under "env"; earlier releases leave it to the
     * connector's bootstrap, which the connector does on its own.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> resolveSecrets(Map<String, String> properties) throws Exception {
        Class<?> resolver;
        Class<?> envProvider;
        try {
            resolver = Class.forName("io.airlift.configuration.secrets.SecretsResolver");
            envProvider = Class.forName("io.airlift.configuration.secrets.env.EnvironmentVariableSecretProvider");
        }
        catch (ClassNotFoundException e) {
            return properties;
        }
        if (!usesSecretsResolver()) {
            return properties;
        }
        Object provider = envProvider.getConstructor().newInstance();
        Object instance = resolver.getConstructor(Map.class).newInstance(Map.of("env", provider));
        return (Map<String, String>) resolver.getMethod("getResolvedConfiguration", Map.class).invoke(instance, properties);
    }

    /** Whether this release's catalog factory resolves secrets (Trino 454 and later). */
    private static boolean usesSecretsResolver() {
        try {
            Class<?> factory = Class.forName("io.trino.connector.DefaultCatalogFactory");
            return Arrays.stream(factory.getDeclaredFields())
                    .anyMatch(f -> f.getType().getName().equals("io.airlift.configuration.secrets.SecretsResolver"));
        }
        catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ClassLoader pluginClassLoader(Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no jars in " + dir);
        }
        // Trino's own factory: the plugin sees the engine only through the SPI packages.
        Method create = Class.forName("io.trino.server.PluginManager").getMethod("createClassLoader", String.class, List.class);
        return (ClassLoader) create.invoke(null, "pinot", urls);
    }

    private static Object pinotConnectorFactory(ClassLoader plugin) throws Exception {
        Class<?> pluginType = Class.forName("io.trino.spi.Plugin");
        for (Object p : ServiceLoader.load(pluginType, plugin)) {
            Iterable<?> factories = (Iterable<?>) pluginType.getMethod("getConnectorFactories").invoke(p);
            for (Object f : factories) {
                if (findMethod(f.getClass(), "getName", 0).invoke(f).equals("pinot")) {
                    return f;
                }
            }
        }
        throw new IllegalStateException("the plugin has no connector factory named pinot");
    }

    private static Method findMethod(Class<?> type, String name, int parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : interfaces(c)) {
                for (Method m : i.getMethods()) {
                    if (m.getName().equals(name) && m.getParameterCount() == parameters) {
                        return m;
                    }
                }
            }
        }
        throw new IllegalStateException("no method " + name + " on " + type);
    }

    private static Set<Class<?>> interfaces(Class<?> c) {
        Set<Class<?>> all = new LinkedHashSet<>();
        all.add(c);
        for (Class<?> i : c.getInterfaces()) {
            all.addAll(interfaces(i));
        }
        return all;
    }

    /**
     * Trino's own messages for a failure: each configuration error of airlift's
     * ApplicationConfigurationException, each Guice message, or the chain of causes.
     */
    static List<String> messages(Throwable e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out, 0);
        if (out.isEmpty()) {
            out.add(e.getClass().getName());
        }
        return new ArrayList<>(out);
    }

    private static void collect(Throwable e, Set<String> out, int depth) {
        if (e == null || depth > 20) {
            return;
        }
        if (e instanceof InvocationTargetException ite) {
            collect(ite.getCause(), out, depth + 1);
            return;
        }
        Collection<?> listed = guiceMessages(e);
        if (listed != null && !listed.isEmpty()) {
            for (Object m : listed) {
                try {
                    Object text = m.getClass().getMethod("getMessage").invoke(m);
                    Object cause = m.getClass().getMethod("getCause").invoke(m);
                    Throwable root = rootCause(cause instanceof Throwable t ? t : null);
                    if (root != null && root.getMessage() != null && !String.valueOf(text).contains(root.getMessage())) {
                        out.add(text + ": " + root.getMessage());
                    }
                    else {
                        out.add(String.valueOf(text));
                    }
                }
                catch (ReflectiveOperationException ignored) {
                    out.add(m.toString());
                }
            }
            return;
        }
        if (e.getMessage() != null) {
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        collect(e.getCause(), out, depth + 1);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        for (int i = 0; root != null && root.getCause() != null && i < 20; i++) {
            root = root.getCause();
        }
        return root;
    }

    private static Collection<?> guiceMessages(Throwable e) {
        for (String getter : List.of("getErrors", "getErrorMessages")) {
            try {
                Object v = e.getClass().getMethod(getter).invoke(e);
                if (v instanceof Collection<?> c) {
                    return c;
                }
            }
            catch (ReflectiveOperationException ignored) {
                // not this kind of exception
            }
        }
        return null;
    }

    // ---- names ---------------------------------------------------------------------------------

    /** The config classes a Pinot catalog can bind, with the prefix each is bound under. */
    private static final List<String[]> CONFIG_CLASSES = List.of(
            new String[] {"", "io.trino.plugin.pinot.PinotConfig"},
            new String[] {"", "io.trino.plugin.pinot.client.PinotGrpcServerQueryClientConfig"},
            new String[] {"", "io.trino.plugin.pinot.client.PinotGrpcServerQueryClientTlsConfig"},
            new String[] {"", "io.trino.plugin.pinot.client.PinotLegacyServerQueryClientConfig"},
            new String[] {"", "io.trino.plugin.pinot.auth.PinotAuthenticationTypeConfig"},
            new String[] {"", "io.trino.plugin.pinot.auth.password.inline.PinotPasswordControllerAuthenticationConfig"},
            new String[] {"", "io.trino.plugin.pinot.auth.password.inline.PinotPasswordBrokerAuthenticationConfig"},
            new String[] {"pinot.", "io.airlift.http.client.HttpClientConfig"},
            new String[] {"", "io.airlift.bootstrap.BootstrapConfig"});

    private static void listNames(ClassLoader plugin, PrintStream out) {
        for (String[] entry : CONFIG_CLASSES) {
            Class<?> type;
            try {
                type = Class.forName(entry[1], false, plugin);
            }
            catch (ClassNotFoundException e) {
                continue;
            }
            String cls = type.getSimpleName();
            for (java.lang.annotation.Annotation a : type.getAnnotations()) {
                if (a.annotationType().getSimpleName().equals("DefunctConfig")) {
                    for (String name : (String[]) annotationValue(a)) {
                        out.println(nameLine(entry[0] + name, cls, "defunct", "", false));
                    }
                }
            }
            for (Method m : type.getMethods()) {
                boolean sensitive = false;
                String config = null;
                List<String> legacy = new ArrayList<>();
                for (java.lang.annotation.Annotation a : m.getAnnotations()) {
                    switch (a.annotationType().getSimpleName()) {
                        case "Config" -> config = (String) annotationValue(a);
                        case "LegacyConfig" -> legacy.addAll(Arrays.asList((String[]) annotationValue(a)));
                        case "ConfigSecuritySensitive" -> sensitive = true;
                        default -> { }
                    }
                }
                String javaType = m.getParameterCount() == 1 ? m.getGenericParameterTypes()[0].getTypeName() : "";
                if (config != null) {
                    out.println(nameLine(entry[0] + config, cls, "config", javaType, sensitive));
                }
                for (String name : legacy) {
                    out.println(nameLine(entry[0] + name, cls, "legacy", javaType, sensitive));
                }
            }
        }
    }

    private static Object annotationValue(java.lang.annotation.Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nameLine(String name, String cls, String kind, String type, boolean sensitive) {
        return "{\"name\":" + json(name) + ",\"class\":" + json(cls) + ",\"kind\":" + json(kind)
                + ",\"type\":" + json(type) + ",\"sensitive\":" + sensitive + "}";
    }

    // ---- values --------------------------------------------------------------------------------

    private static void judgeValues(Path file, PrintStream out) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String type = line.substring(0, tab);
            String value = new String(HexFormat.of().parseHex(line.substring(tab + 1)), StandardCharsets.UTF_8);
            String result;
            try {
                result = "{\"ok\":true,\"value\":" + json(coerce(type, value)) + "}";
            }
            catch (Throwable e) {
                if (System.getenv("JUDGE_DEBUG") != null) {
                    e.printStackTrace();
                }
                result = "{\"ok\":false}";
            }
            out.println(result);
        }
    }

    /**
     * Reads a value as airlift's configuration binding does (ConfigurationFactory's coercion):
     * through a config class with one setter per type, so the parsing is airlift's own.
     */
    private static String coerce(String type, String value) throws Exception {
        Class<?> factoryType = Class.forName("io.airlift.configuration.ConfigurationFactory");
        Object factory = factoryType.getConstructor(Map.class).newInstance(Map.of(type, value));
        Object config = factoryType.getMethod("build", Class.class).invoke(factory, ValueConfig.class);
        return ((ValueConfig) config).canonical(type);
    }

    /** The types a Pinot catalog property can have, each bound by airlift as a config property. */
    public static final class ValueConfig {
        public enum Sample { NONE, PASSWORD, JKS, PKCS12 }

        private Object value;

        // airlift binds a setter only beside its getter; all of them share one field.
        public io.airlift.units.Duration getDuration() { return null; }

        @io.airlift.configuration.Config("duration")
        public ValueConfig setDuration(io.airlift.units.Duration v) { value = v; return this; }

        public io.airlift.units.DataSize getDataSize() { return null; }

        @io.airlift.configuration.Config("data-size")
        public ValueConfig setDataSize(io.airlift.units.DataSize v) { value = v; return this; }

        public boolean isBoolean() { return false; }

        @io.airlift.configuration.Config("boolean")
        public ValueConfig setBoolean(boolean v) { value = v; return this; }

        public int getInt() { return 0; }

        @io.airlift.configuration.Config("int")
        public ValueConfig setInt(int v) { value = v; return this; }

        public Sample getEnum() { return null; }

        @io.airlift.configuration.Config("enum")
        public ValueConfig setEnum(Sample v) { value = v; return this; }

        public com.google.common.net.HostAndPort getHostAndPort() { return null; }

        @io.airlift.configuration.Config("host-and-port")
        public ValueConfig setHostAndPort(com.google.common.net.HostAndPort v) { value = v; return this; }

        String canonical(String type) {
            if (value == null) {
                throw new IllegalStateException("not set");
            }
            return switch (type) {
                case "duration" -> {
                    double ns = ((io.airlift.units.Duration) value).getValue(TimeUnit.NANOSECONDS);
                    yield Double.toString(ns);
                }
                case "data-size" -> Long.toString(((io.airlift.units.DataSize) value).toBytes());
                case "host-and-port" -> {
                    com.google.common.net.HostAndPort hp = (com.google.common.net.HostAndPort) value;
                    yield hp.getHost() + "|" + (hp.hasPort() ? hp.getPort() : "");
                }
                default -> value.toString();
            };
        }
    }

    // ---- JSON ----------------------------------------------------------------------------------

    static String json(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(map).entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(json(e.getKey())).append(':').append(json(e.getValue()));
        }
        return b.append('}').toString();
    }

    static String json(List<String> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(json(list.get(i)));
        }
        return b.append(']').toString();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
