package org.creditdesk.customers;

import java.util.List;
import java.util.Optional;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales reps are created on first use by a customer (named after themselves, in the customer's
 * area) and maintained here afterwards.
 */
@Service
public class SalesReps {

    private final SalesRepRepository repository;
    private final Areas areas;

    SalesReps(SalesRepRepository repository, Areas areas) {
        this.repository = repository;
        this.areas = areas;
    }

    public List<SalesRep> visibleTo(Caller caller) {
        return repository.findVisible(caller.areaFilter());
    }

    /**
     * Names or moves a rep. Managing reps is for administrators and managers; an area-scoped sales
     * manager may do it only inside his areas, for reps he can see.
     */
    @Transactional
    public SalesRep save(SalesRep rep, Caller caller) {
        if (!(caller.has(Role.ADMIN)
                || caller.has(Role.GENERAL_MANAGER)
                || caller.has(Role.CREDIT_MANAGER)
                || caller.has(Role.SALES_MANAGER))) {
            throw ProblemException.forbidden("Only administrators and managers maintain sales reps")
                    .withKey("problem.text.onlyAdministratorsAndManagersMaintainSalesReps");
        }
        Optional<SalesRep> existing = repository.findByCode(rep.code());
        if (existing.isPresent() && !caller.seesAllAreas()) {
            String area = existing.get().area();
            if (area == null || !caller.sees(area))
                throw ProblemException.notFound("Unknown sales rep " + rep.code())
                        .withKey("problem.text.unknownSalesRep", rep.code());
        }
        String area = rep.area();
        if (area == null ? !caller.seesAllAreas() : !caller.sees(area)) {
            throw ProblemException.forbidden("You may not place sales reps in area " + area)
                    .withKey("problem.text.youMayNotPlaceSalesRepsIn", area);
        }
        if (area != null) areas.ensureExist(List.of(area));
        repository.upsert(rep);
        return rep;
    }
}
