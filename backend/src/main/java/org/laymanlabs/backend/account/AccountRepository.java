package org.laymanlabs.backend.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Accounts by id and by the name people sign in with. */
public interface AccountRepository extends CrudRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);

    boolean existsByRole(Role role);

    List<Account> findAllByOrderByUsername();
}
