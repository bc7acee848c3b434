package org.laymanlabs.frontend;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The frame around every page: the brand, a light/dark switch, and a menu built from the views'
 * {@code @Menu} metadata, so that the layout never imports a view.
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

    public MainLayout() {
        H1 brand = new H1("Layman Labs");
        brand.addClassName("layman-brand");
        themeSwitch.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeSwitch.setAriaLabel("Switch between light and dark theme");
        themeSwitch.setTooltipText("Light or dark");
        themeSwitch.addClassName("theme-switch");
        themeSwitch.addClickListener(e -> themeSwitch.getElement().executeJs(TOGGLE_THEME));
        addToNavbar(new DrawerToggle(), brand, themeSwitch);
        addToDrawer(menu());
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs(APPLY_THEME);
        event.getUI().getReconnectDialogConfiguration().setDialogText(
                "The connection to the server was lost. Trying to reconnect… Your sandbox keeps running on the server.");
        event.getUI().getReconnectDialogConfiguration().setDialogTextGaveUp(
                "We could not reach the server. Check your connection, then reload the page: your work is kept for this session.");
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
