package org.laymanlabs.frontend;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Vaadin's own messages (an expired session, an internal error, a failed request) in the app's
 * plain words with the way forward, in place of its defaults ("Take note of any unsaved data…").
 * Nothing technical reaches the page: the details go to the server log.
 */
@Component
class PlainSystemMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption("You were away for a while");
        messages.setSessionExpiredMessage("Click here or press Esc to carry on: your sandbox and your work are kept.");
        messages.setInternalErrorCaption("Something went wrong on our side");
        messages.setInternalErrorMessage("Click here or press Esc to reload the page: your sandbox and your work are kept.");
        messages.setCookiesDisabledCaption("Cookies are switched off");
        messages.setCookiesDisabledMessage("Layman Labs needs a cookie to keep you signed in. Allow cookies for this site, "
                + "then reload the page.");
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
