package org.laymanlabs.frontend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which pages each kind of visitor may open, as the views' annotations say (Vaadin checks them on every navigation). */
class RouteAccessTest {

    private static final Principal SOMEONE = () -> "someone";

    @ParameterizedTest(name = "{0}: visitor {1}, learner {2}, instructor {3}, admin {4}")
    @CsvSource({
            "org.laymanlabs.frontend.catalog.CatalogView,           true,  true,  true,  true",
            "org.laymanlabs.frontend.account.LoginView,             true,  true,  true,  true",
            "org.laymanlabs.frontend.account.RegisterView,          true,  true,  true,  true",
            "org.laymanlabs.frontend.workspace.WorkspaceView,       false, true,  true,  true",
            "org.laymanlabs.frontend.progress.MyProgressView,       false, true,  true,  true",
            "org.laymanlabs.frontend.classroom.ClassroomsView,      false, false, true,  true",
            "org.laymanlabs.frontend.classroom.ClassroomView,       false, false, true,  true",
            "org.laymanlabs.frontend.authoring.LabEditorView,       false, false, true,  true",
            "org.laymanlabs.frontend.admin.UsersView,               false, false, false, true",
            "org.laymanlabs.frontend.ErrorView,                     true,  true,  true,  true",
            "org.laymanlabs.frontend.NotFoundView,                  true,  true,  true,  true"})
    void eachPageIsOpenToTheRolesItNames(String view, boolean visitor, boolean learner, boolean instructor, boolean admin)
            throws ClassNotFoundException {
        Class<?> type = Class.forName(view);
        AccessAnnotationChecker checker = new AccessAnnotationChecker();

        assertThat(checker.hasAccess(type, null, role -> false)).as("visitor").isEqualTo(visitor);
        assertThat(checker.hasAccess(type, SOMEONE, roles("LEARNER"))).as("learner").isEqualTo(learner);
        assertThat(checker.hasAccess(type, SOMEONE, roles("INSTRUCTOR"))).as("instructor").isEqualTo(instructor);
        assertThat(checker.hasAccess(type, SOMEONE, roles("ADMIN"))).as("admin").isEqualTo(admin);
    }

    private static Function<String, Boolean> roles(String... held) {
        return Set.of(held)::contains;
    }
}
