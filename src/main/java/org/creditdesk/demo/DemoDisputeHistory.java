package org.creditdesk.demo;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo history's quality disputes as collections records them (issue 10: a disputed invoice is paid
 * late, after its dispute is settled, and the payment model can only learn that from disputes it can see).
 * The generator settles each such dispute by a partial credit note and a later payment of the rest; here
 * each of those credit notes becomes a resolved QUALITY dispute for the whole invoice, raised at the
 * customer's incoming inspection ({@link #raisedOn}) and resolved by that credit note on its date.
 */
@Component
public class DemoDisputeHistory {

    /** The customer inspects the delivery about a week after the invoice and objects then. */
    static final int INSPECTION_DAYS = 7;

    private final DemoDisputeHistoryRepository repository;

    DemoDisputeHistory(DemoDisputeHistoryRepository repository) {
        this.repository = repository;
    }

    /** Whether the generator's credit note with this reason settles a quality dispute. */
    public static boolean recordsDispute(String creditNoteReason) {
        return creditNoteReason.startsWith(HistoryGenerator.DISPUTE_PREFIX);
    }

    /** When the dispute of an invoice was raised: at the inspection, and always before the invoice fell due. */
    public static LocalDate raisedOn(LocalDate issueDate, LocalDate dueDate) {
        LocalDate inspected = issueDate.plusDays(INSPECTION_DAYS);
        return inspected.isBefore(dueDate) ? inspected : dueDate.minusDays(1);
    }

    /** Records the disputes of the loaded history's quality credit notes; returns how many. */
    @Transactional
    int record() {
        return repository.insertResolved(repository.creditNotesOfInvoices().stream()
                .filter(note -> recordsDispute(note.reason()))
                .map(note -> new DemoDisputeHistoryRepository.Resolved(
                        note, raisedOn(note.invoiceIssueDate(), note.invoiceDueDate())))
                .toList());
    }
}
