package org.laymanlabs.frontend;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.frontend.account.SignedIn;

/**
 * The frame around every page: the brand, a light/dark switch, who is signed in, and a menu built
 * from the views' {@code @Menu} metadata (only the pages this account may open), so that the
 * layout never imports a view.
 */
public class MainLayout extends AppLayout {

    /** Applies the theme saved in this browser, or the system's preference. */
    private static final String APPLY_THEME = """
            const saved = localStorage.getItem('layman-theme');
            const dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
            document.documentElement.setAttribute('theme', dark ? 'dark' : '');
            """;
    private static final String TOGGLE_THEME = """
            const dark = document.documentElement.getAttribute('theme') !== 'dark';
            document.documentElement.setAttribute('theme', dark ? 'dark' : '');
            localStorage.setItem('layman-theme', dark ? 'dark' : 'light');
            """;

    final Button themeSwitch = new Button(VaadinIcon.ADJUST.create());

    final Div account = new Div();

    public MainLayout(SignedIn signedIn) {
        H1 brand = new H1("Layman Labs");
        brand.addClassName("layman-brand");
        themeSwitch.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeSwitch.setAriaLabel("Switch between light and dark theme");
        themeSwitch.setTooltipText("Light or dark");
        themeSwitch.addClassName("theme-switch");
        themeSwitch.addClickListener(e -> themeSwitch.getElement().executeJs(TOGGLE_THEME));
        account.addClassName("account-bar");
        signedIn.caller().ifPresentOrElse(caller -> showSignedIn(caller, signedIn), this::showVisitor);
        addToNavbar(new DrawerToggle(), brand, themeSwitch, account);
        addToDrawer(menu());
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
    }

    private void showSignedIn(Caller caller, SignedIn signedIn) {
        Span name = new Span(caller.username());
        name.addClassName("account-name");
        Span role = new Span(caller.role().name().toLowerCase());
        role.getElement().getThemeList().add("badge pill");
        Button signOut = new Button("Sign out", e -> signedIn.signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        account.add(name, role, signOut);
    }

    private void showVisitor() {
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.addClassName("account-link");
        Anchor register = new Anchor("register", "Create an account");
        register.addClassNames("account-link", "account-link-primary");
        account.add(signIn, register);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs(APPLY_THEME);
        event.getUI().getReconnectDialogConfiguration().setDialogText(
                "The connection to the server was lost. Trying to reconnect… Your sandbox keeps running on the server.");
        event.getUI().getReconnectDialogConfiguration().setDialogTextGaveUp(
                "We could not reach the server. Check your connection, then reload the page: your work is kept.");
    }

    private static SideNav menu() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
