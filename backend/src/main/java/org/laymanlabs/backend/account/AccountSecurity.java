package org.laymanlabs.backend.account;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's view of our accounts: bcrypt for passwords and a user lookup that every
 * filter chain shares (the web UI's form login in the frontend, the REST API's here).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountProperties.class)
class AccountSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * they wrapped every request's dozen filters in an observation each (about a tenth of a
     * command's CPU under load) and nothing reads them; the requests' own metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.findByUsername(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .authorities(List.of(new SimpleGrantedAuthority(account.role().authority())))
                        .disabled(account.disabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
