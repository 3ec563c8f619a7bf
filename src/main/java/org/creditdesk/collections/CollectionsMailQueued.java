package org.creditdesk.collections;

/** E-mails were queued in collections_mail; they go out once the transaction commits. */
record CollectionsMailQueued() {}
