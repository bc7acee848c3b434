package org.laymanlabs.backend.classroom;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.account.AccountRepository;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.lab.LabCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a classroom and what they work on: the instructor adds learners by name (besides
 * learners joining with the code) and assigns labs. Only the classroom's instructor, or an
 * admin, may; anyone else is told the classroom does not exist.
 */
@Service
public class ClassroomRoster {

    private final Classrooms classrooms;
    private final ClassroomRepository repository;
    private final ClassroomMemberRepository members;
    private final AccountRepository accounts;
    private final LabCatalog catalog;
    private final Clock clock;

    ClassroomRoster(Classrooms classrooms, ClassroomRepository repository, ClassroomMemberRepository members,
                    AccountRepository accounts, LabCatalog catalog, ObjectProvider<Clock> clock) {
        this.classrooms = classrooms;
        this.repository = repository;
        this.members = members;
        this.accounts = accounts;
        this.catalog = catalog;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Adds a learner by their username; adding one twice is the same as once. */
    @Transactional
    public Account addLearner(Caller caller, UUID classroomId, String username) {
        Classroom classroom = classrooms.get(caller, classroomId);
        String name = username == null ? "" : username.strip();
        Account learner = accounts.findByUsername(name)
                .orElseThrow(() -> new IllegalArgumentException("username: nobody is called '" + name
                        + "' here; they sign up first, or join with the code " + classroom.joinCode()));
        if (learner.role() != Role.LEARNER) {
            throw new IllegalArgumentException("username: " + name + " is an " + learner.role().name().toLowerCase()
                    + ", not a learner");
        }
        if (!members.existsByClassroomIdAndAccountId(classroom.id(), learner.id())) {
            members.save(new ClassroomMember(classroom.id(), learner.id(), clock.instant()));
        }
        return learner;
    }

    /** The classroom's members, by name. */
    @Transactional(readOnly = true)
    public List<Account> members(Caller caller, UUID classroomId) {
        Classroom classroom = classrooms.get(caller, classroomId);
        List<UUID> ids = members.findByClassroomId(classroom.id()).stream().map(ClassroomMember::accountId).toList();
        return StreamSupport.stream(accounts.findAllById(ids).spliterator(), false)
                .sorted(Comparator.comparing(Account::username)).toList();
    }

    /** Assigns a lab of the catalog to the classroom. */
    @Transactional
    public Classroom assignLab(Caller caller, UUID classroomId, String labId) {
        Classroom classroom = classrooms.get(caller, classroomId);
        if (labId == null || catalog.find(labId).isEmpty()) {
            throw new IllegalArgumentException("lab: there is no lab '" + labId + "' in the catalog");
        }
        classroom.assign(labId);
        return repository.save(classroom);
    }

    @Transactional
    public Classroom unassignLab(Caller caller, UUID classroomId, String labId) {
        Classroom classroom = classrooms.get(caller, classroomId);
        classroom.unassign(labId);
        return repository.save(classroom);
    }
}
