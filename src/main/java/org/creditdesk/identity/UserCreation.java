package org.creditdesk.identity;

/** What creating a user by username did: the same user again changes nothing. */
public sealed interface UserCreation {

    User user();

    record Created(User user) implements UserCreation {}

    record Unchanged(User user) implements UserCreation {}
}
