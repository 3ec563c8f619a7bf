package org.creditdesk.collections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactRepository {

    record StoredContact(long customerId, Contact contact) {}

    private static final String COLUMNS = """
            SELECT k.id, k.customer_id, c.code, k.name, k.title, k.department, k.phone, k.email, k.chain_role,
                   k.general_manager, k.active
            FROM customer_contact k JOIN customer c ON c.id = k.customer_id
            """;
    private static final String INSERT = """
            INSERT INTO customer_contact (customer_id, name, title, department, phone, email, chain_role, general_manager)
            VALUES (:customerId, :name, :title, :department, :phone, :email, :chainRole, :generalManager)
            RETURNING id
            """;
    private static final String UPDATE = """
            UPDATE customer_contact
            SET name = :name, title = :title, department = :department, phone = :phone, email = :email,
                chain_role = :chainRole, general_manager = :generalManager, updated_at = now()
            WHERE id = :id AND active
            """;
    private static final String RETIRE = """
            UPDATE customer_contact SET active = FALSE, updated_at = now() WHERE id = :id AND active
            """;

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long customerId, Contact c) {
        return jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("name", c.name())
                .param("title", c.title())
                .param("department", c.department())
                .param("phone", c.phone())
                .param("email", c.email())
                .param("chainRole", c.chainRole().name())
                .param("generalManager", c.generalManager())
                .query(Long.class)
                .single();
    }

    boolean update(Contact c) {
        return jdbc.sql(UPDATE)
                        .param("id", c.id())
                        .param("name", c.name())
                        .param("title", c.title())
                        .param("department", c.department())
                        .param("phone", c.phone())
                        .param("email", c.email())
                        .param("chainRole", c.chainRole().name())
                        .param("generalManager", c.generalManager())
                        .update()
                == 1;
    }

    boolean retire(long id) {
        return jdbc.sql(RETIRE).param("id", id).update() == 1;
    }

    Optional<StoredContact> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE k.id = :id")
                .param("id", id)
                .query(ContactRepository::map)
                .optional();
    }

    List<Contact> ofCustomer(long customerId) {
        return jdbc
                .sql(COLUMNS + " WHERE k.customer_id = :customerId AND k.active ORDER BY k.chain_role, k.name, k.id")
                .param("customerId", customerId)
                .query(ContactRepository::map)
                .stream()
                .map(StoredContact::contact)
                .toList();
    }

    static StoredContact map(ResultSet rs, int row) throws SQLException {
        return new StoredContact(
                rs.getLong("customer_id"),
                new Contact(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("department"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        ChainRole.valueOf(rs.getString("chain_role")),
                        rs.getBoolean("general_manager"),
                        rs.getBoolean("active")));
    }
}
