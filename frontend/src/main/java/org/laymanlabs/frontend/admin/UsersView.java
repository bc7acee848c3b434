package org.laymanlabs.frontend.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;

/** The admin's users page: every account, its role, and switching an account off or on. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Layman Labs")
@Menu(title = "Users", order = 4, icon = "vaadin:users")
@RolesAllowed("ADMIN")
class UsersView extends Main {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    final Grid<Account> grid = new Grid<>();
    private final Accounts accounts;
    private final Caller caller;

    UsersView(SignedIn signedIn, Accounts accounts) {
        this.accounts = accounts;
        this.caller = signedIn.required();
        addClassName("page");
        Paragraph intro = new Paragraph("Make someone an instructor so they can open classrooms and edit labs. "
                + "Disabling an account stops it signing in and keeps its work.");
        intro.addClassName("page-intro");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Account::username).setHeader("Username").setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addColumn(a -> DAY.format(a.createdAt())).setHeader("Joined").setAutoWidth(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::toggle).setHeader("").setAutoWidth(true);
        add(new H2("Users"), intro, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.all(caller));
    }

    private Component roleSelect(Account account) {
        if (account.id().equals(caller.accountId())) {
            return new Span(label(account.role()) + " (you)");
        }
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(UsersView::label);
        role.setValue(account.role());
        role.setAriaLabel("Role of " + account.username());
        role.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(() -> accounts.changeRole(caller, account.id(), e.getValue()),
                        account.username() + " is now " + article(e.getValue()) + " " + label(e.getValue()));
            }
        });
        return role;
    }

    private static Span status(Account account) {
        Span status = new Span(account.disabled() ? "Disabled" : "Active");
        status.getElement().getThemeList().add(account.disabled() ? "badge error" : "badge success");
        return status;
    }

    private Component toggle(Account account) {
        Button toggle = new Button(account.disabled() ? "Enable" : "Disable");
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, account.disabled() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_ERROR);
        toggle.setEnabled(!account.id().equals(caller.accountId()));
        toggle.setAriaLabel(toggle.getText() + " " + account.username());
        toggle.addClickListener(e -> change(() -> accounts.setDisabled(caller, account.id(), !account.disabled()),
                account.username() + (account.disabled() ? " can sign in again" : " can no longer sign in")));
        return toggle;
    }

    private void change(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    static String label(Role role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase();
    }

    private static String article(Role role) {
        return role == Role.LEARNER ? "a" : "an";
    }
}
