package org.laymanlabs.backend.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

/** Accounts by id and by the name people sign in with. */
public interface AccountRepository extends CrudRepository<Account, UUID> {

    /**
     * Written out rather than derived from the method's name: every API request looks its caller
     * up, and Hibernate caches the plan of a query string, while a derived query's criteria is
     * translated to SQL again on every call.
     */
    @Query("select a from Account a where a.username = ?1")
    Optional<Account> findByUsername(String username);

    boolean existsByRole(Role role);

    List<Account> findAllByOrderByUsername();
}
