package org.laymanlabs.frontend;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/**
 * The frame around every page: the brand, and a menu built from the views' {@code @Menu}
 * metadata, so that the layout never imports a view.
 */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 brand = new H1("Layman Labs");
        brand.addClassName("layman-brand");
        addToNavbar(new DrawerToggle(), brand);
        addToDrawer(menu());
        setPrimarySection(Section.NAVBAR);
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
