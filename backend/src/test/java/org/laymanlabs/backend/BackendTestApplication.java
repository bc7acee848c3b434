package org.laymanlabs.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The backend alone, as its tests start it; the real app lives in the frontend module. */
@SpringBootApplication
public class BackendTestApplication {
}
