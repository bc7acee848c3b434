package org.laymanlabs.sandbox.container;

/**
 * {@code --restart}: mirrors moby api/types/container RestartPolicy and docker/cli's parsing
 * ({@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:max-retries]}).
 */
public record RestartPolicy(Name name, int maximumRetryCount) {

    /** The policy's name as the API spells it. */
    public enum Name {
        NO("no"), ALWAYS("always"), ON_FAILURE("on-failure"), UNLESS_STOPPED("unless-stopped");

        private final String text;

        Name(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static final RestartPolicy NO = new RestartPolicy(Name.NO, 0);

    /** Parses a {@code --restart} value; the exception carries Docker's message. */
    public static RestartPolicy parse(String value) {
        if (value.isEmpty()) {
            return NO;
        }
        String[] parts = value.split(":", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("invalid restart policy format: " + (parts[0].isEmpty()
                    ? "no policy provided before colon" : value));
        }
        Name name = switch (parts[0]) {
            case "no" -> Name.NO;
            case "always" -> Name.ALWAYS;
            case "on-failure" -> Name.ON_FAILURE;
            case "unless-stopped" -> Name.UNLESS_STOPPED;
            default -> throw new IllegalArgumentException("invalid restart policy: unknown policy '" + parts[0]
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        };
        int max = 0;
        if (parts.length == 2) {
            try {
                max = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
            }
            if (name != Name.ON_FAILURE) {
                throw new IllegalArgumentException("invalid restart policy: maximum retry count can only be used with 'on-failure'");
            }
        }
        return new RestartPolicy(name, max);
    }
}
