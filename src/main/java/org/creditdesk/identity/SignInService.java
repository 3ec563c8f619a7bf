package org.creditdesk.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks up the user signing in, by HTTP Basic on the API or the login form on pages. */
@Service
class SignInService implements UserDetailsService {

    private final UserRepository repository;
    private final RememberedUsers remembered;

    SignInService(UserRepository repository, RememberedUsers remembered) {
        this.repository = repository;
        this.remembered = remembered;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return remembered
                .find(username, () -> repository.find(username))
                .map(stored -> new SignedInUser(stored.user(), stored.passwordHash(), stored.locale()))
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }
}
