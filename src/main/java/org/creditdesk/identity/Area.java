package org.creditdesk.identity;

/** A sales territory; sales users and collectors are confined to theirs. */
public record Area(String code, String name) {}
