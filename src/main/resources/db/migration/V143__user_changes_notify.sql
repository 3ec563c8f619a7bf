-- Signing in remembers users for a short while (identity's SignInService, issue 14: HTTP Basic reads the
-- user, its roles and areas on every request otherwise). Any change of a user, its roles or its areas, by
-- the application or by hand in SQL, tells every listening server at commit to forget what it remembers.
CREATE FUNCTION notify_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('creditdesk_user_changed', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER app_user_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER user_role_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_role
    FOR EACH STATEMENT EXECUTE FUNCTION notify_user_changed();
CREATE TRIGGER user_area_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_area
    FOR EACH STATEMENT EXECUTE FUNCTION notify_user_changed();
