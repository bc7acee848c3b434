package org.laymanlabs.sandbox.image.packages;

import java.util.List;
import java.util.Map;

/** The few PyPI projects the labs use, at their June 2025 releases, with their requirement specifiers. */
final class PyPi {

    static final String ROOT_WARNING = "WARNING: Running pip as the 'root' user can result in broken permissions and"
            + " conflicting behaviour with the system package manager, possibly rendering your system unusable. It is"
            + " recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the"
            + " --root-user-action option if you know what you are doing and want to suppress this warning.\n\n"
            + "[notice] A new release of pip is available: 25.0.1 -> 25.1.1\n"
            + "[notice] To update, run: pip install --upgrade pip\n";

    private static final Map<String, String> CONSTRAINTS = Map.ofEntries(
            Map.entry("blinker", ">=1.9.0"), Map.entry("click", ">=8.1.3"), Map.entry("itsdangerous", ">=2.2.0"),
            Map.entry("jinja2", ">=3.1.2"), Map.entry("markupsafe", ">=2.1.1"), Map.entry("werkzeug", ">=3.1.0"),
            Map.entry("charset-normalizer", "<4,>=2"), Map.entry("idna", "<4,>=2.5"), Map.entry("urllib3", "<3,>=1.21.1"),
            Map.entry("certifi", ">=2017.4.17"), Map.entry("packaging", ""));

    private PyPi() {
    }

    static PackageCatalog packages() {
        return PackageCatalog.ofRows(
                "flask|3.1.1|345|103|blinker,click,itsdangerous,jinja2,markupsafe,werkzeug|",
                "blinker|1.9.0|25|9||",
                "click|8.2.1|318|102||",
                "itsdangerous|2.2.0|53|16||",
                "jinja2|3.1.6|724|135|markupsafe|",
                "markupsafe|3.0.2|53|23||",
                "werkzeug|3.1.3|1064|224|markupsafe|",
                "requests|2.32.4|205|65|certifi,charset-normalizer,idna,urllib3|",
                "certifi|2025.4.26|308|159||",
                "charset-normalizer|3.4.2|503|149||",
                "idna|3.10|383|71||",
                "urllib3|2.4.0|463|128||",
                "gunicorn|23.0.0|416|85|packaging|",
                "packaging|25.0|221|66||",
                "redis|6.2.0|1150|278||");
    }

    static String constraint(String name) {
        return CONSTRAINTS.getOrDefault(name, "");
    }

    static String requiredBy(Package p, List<Package> plan) {
        return plan.stream().filter(q -> q.depends().contains(p.name())).map(Package::name).findFirst().orElse("");
    }

    static String wheel(Package p) {
        String file = p.name().replace('-', '_') + "-" + p.version();
        return p.name().equals("markupsafe") || p.name().equals("charset-normalizer")
                ? file + "-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl" : file + "-py3-none-any.whl";
    }
}
