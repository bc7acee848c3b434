package org.laymanlabs.frontend.catalog;

import java.util.Map;
import org.laymanlabs.backend.progress.AttemptProgress;

/** The signed-in learner's attempt in progress at each lab they started, by lab id; none for a visitor. */
interface CatalogProgress {

    Map<String, AttemptProgress> byLab();
}
