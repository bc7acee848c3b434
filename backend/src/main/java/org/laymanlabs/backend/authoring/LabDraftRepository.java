package org.laymanlabs.backend.authoring;

import org.springframework.data.repository.CrudRepository;

/** Instructors' drafts, by instructor and lab. */
interface LabDraftRepository extends CrudRepository<LabDraft, LabDraft.Key> {
}
