package org.laymanlabs.sandbox.container;

import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Mirrors moby pkg/namesgenerator: an adjective and a notable scientist or hacker, such as
 * {@code focused_hopper}; never {@code boring_wozniak} ("Steve Wozniak is not boring"). On a
 * clash it retries with a digit appended, as moby's daemon/names.go does. (A selection of the
 * upstream lists.)
 */
final class NameGenerator {

    private static final String[] LEFT = {
        "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful",
        "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent", "condescending",
        "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic",
        "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive", "flamboyant", "focused",
        "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great", "happy", "hardcore",
        "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly", "jovial",
        "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying", "naughty",
        "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive",
        "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad",
        "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender",
        "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
        "xenodochial", "youthful", "zealous", "zen",
    };
    private static final String[] RIGHT = {
        "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "babbage", "banach", "bardeen",
        "bartik", "bassi", "bell", "benz", "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "brahmagupta",
        "brattain", "brown", "carson", "cerf", "chandrasekhar", "clarke", "cohen", "curie", "darwin", "davinci",
        "dijkstra", "dirac", "driscoll", "dubinsky", "easley", "edison", "einstein", "elion", "engelbart", "euclid",
        "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gates", "goldberg", "goldstine",
        "goodall", "hamilton", "hawking", "heisenberg", "hermann", "hodgkin", "hofstadter", "hopper", "hugle",
        "hypatia", "jackson", "jang", "jennings", "jepsen", "johnson", "joliot", "kalam", "kare", "keldysh",
        "keller", "kepler", "khorana", "kilby", "knuth", "lalande", "lamarr", "lamport", "leakey", "leavitt",
        "lederberg", "lehmann", "lewin", "lichterman", "liskov", "lovelace", "lumiere", "mahavira", "margulis",
        "matsumoto", "maxwell", "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "minsky", "mirzakhani",
        "montalcini", "moore", "morse", "napier", "nash", "neumann", "newton", "nobel", "noether", "northcutt",
        "noyce", "pasteur", "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan", "ride",
        "ritchie", "robinson", "rosalind", "sammet", "shannon", "shaw", "shockley", "sinoussi", "snyder",
        "stonebraker", "swanson", "swartz", "tesla", "thompson", "torvalds", "turing", "varahamihira", "villani",
        "wescoff", "wilbur", "wiles", "williams", "wilson", "wing", "wozniak", "wright", "wu", "yalow", "yonath",
    };

    private final RandomGenerator random;

    NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A name no container has yet. */
    String generate(Predicate<String> taken) {
        for (int retry = 0; ; retry++) {
            String name = LEFT[random.nextInt(LEFT.length)] + "_" + RIGHT[random.nextInt(RIGHT.length)];
            if (name.equals("boring_wozniak")) {
                continue;
            }
            if (retry > 0) {
                name = name + random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
