package org.laymanlabs.backend.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts: by self-registration when the operator allows it, or by an admin. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
    static final int MIN_PASSWORD = 8;

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AccountProperties properties;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordEncoder passwords, AccountProperties properties,
             ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A learner signs themselves up; refused when the operator has switched self-registration off. */
    @Transactional
    public Account register(String username, String password) {
        if (!properties.selfRegistration()) {
            throw new AccessControl.Forbidden("self-registration is switched off here: ask your instructor for an account");
        }
        return create(username, password, Role.LEARNER);
    }

    /** An admin creates an account with any role (or the app creates the first admin). */
    @Transactional
    public Account create(String username, String password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: 3 to 100 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD + " characters");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("username: " + username + " is taken");
        }
        return accounts.save(new Account(username, passwords.encode(password), role, clock.instant()));
    }

    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    /** Every account, by name: the admin's users page. */
    @Transactional(readOnly = true)
    public List<Account> all(Caller caller) {
        requireAdmin(caller);
        return accounts.findAllByOrderByUsername();
    }

    /** An admin gives an account another role; never their own, so that an installation keeps its admin. */
    @Transactional
    public Account changeRole(Caller caller, UUID accountId, Role role) {
        Account account = othersAccount(caller, accountId, "change your own role");
        account.changeRole(role);
        return accounts.save(account);
    }

    /** An admin switches an account off (it cannot sign in; its work is kept) or back on; never their own. */
    @Transactional
    public Account setDisabled(Caller caller, UUID accountId, boolean disabled) {
        Account account = othersAccount(caller, accountId, disabled ? "disable your own account" : "enable your own account");
        account.setDisabled(disabled);
        return accounts.save(account);
    }

    private Account othersAccount(Caller caller, UUID accountId, String refused) {
        requireAdmin(caller);
        if (caller.accountId().equals(accountId)) {
            throw new IllegalArgumentException("you cannot " + refused + ": ask another admin");
        }
        return accounts.findById(accountId).orElseThrow(() -> new AccessControl.NotFound("account " + accountId));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw new AccessControl.Forbidden("only admins manage accounts");
        }
    }

    /** The caller behind a signed-in name. */
    public Caller caller(String username) {
        return accounts.findByUsername(username).map(Account::asCaller)
                .orElseThrow(() -> new AccessControl.NotFound("account " + username));
    }
}
