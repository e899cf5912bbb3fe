import FluentKit

/// Every migration, in order. Never edit one that has landed: add the next.
public enum EarnedMigrations {
    public static var all: [any Migration] {
        [
            CreateLocations(),  // 0001 locations with hours, special days, shifts
            CreateStaff(),  // 0002 staff accounts and the locations managers look after
            CreateCustomers(),  // 0003 customers, contacts, dates, consents, notes
            CreateOrders(),  // 0004 orders
            CreateAuditLog(),  // 0005 audit log
            CreateSecurity(),  // 0006 sessions, sign-in throttling, API tokens, idempotency keys
            UpdateCustomersAddLiveIndex(),  // 0007 counting live customers from an index
            CreateServiceTasks(),  // 0008 the scheduler's tasks, unique by key
            CreateWebhooks(),  // 0009 webhook subscriptions and their delivery log
            CreatePromises(),  // 0010 promises to customers
            CreateServiceCases(),  // 0011 cases with one accountable owner
            CreateInboundContacts(),  // 0012 calls, e-mails, chats, messages, reviews, visits
            CreateIncidents(),  // 0013 call-first incidents and the customers they affect
            CreateTouchesAndReferrals(),  // 0014 the fatigue budget's touches; who referred whom
            CreateSettingsAndMarks(),  // 0015 settings documents; the scheduler's once-a-day marks
            CreateSurveys(),  // 0016 survey definitions, one-time invitations, answers
            CreateScores(),  // 0017 customer scores, score snapshots, the one-instance lease
            CreateScoreObservations(),  // 0018 the records behind each scorecard figure
            CreateForecastScenarios(),  // 0019 saved program forecasts
            CreateAccountSecurity(),  // 0020 second factors, recovery codes, reset links, API rate counters
            UpdateCustomersAddAddress(),  // 0021 a customer's city and street address
            CreateDuplicateDismissals(),  // 0022 pairs dismissed as not one person; folded keys duplicates match on
            CreateImportUploads(),  // 0023 files kept between an import's preview and the import
            UpdateOrdersAddState(),  // 0024 an order cancelled or returned, when and why
            CreateAbsences(),  // 0025 people away, who covers, what was handed over
            UpdateLocationsAddCountry(),  // 0026 a location's country, for its holidays
            CreateServiceTasksStatusDueIndex(),  // 0027 the tasks list in due order, by state
            UpdatePromisesAddRenegotiatedInTime(),  // 0028 what a promise's outcome turns on, in columns
            CreateListIndexes(),  // 0029 what lists walk: rare states, due time in force, a person elsewhere
            CreateOutboundMessages(),  // 0030 the outbox: e-mail Earned sends itself, with its delivery state
            CreateMailThreads(),  // 0031 mail in: mailbox positions, contacts' conversations, their files
            UpdateOutboundMessagesAddUnsubscribe(),  // 0032 one-click unsubscribe links of customer mail
            CreateServiceTasksKindCreatedIndex(),  // 0033 new work of a kind, for notices by e-mail
            CreateTelegram(),  // 0034 the Telegram bot's chats and start links
            CreateCaseConfirmations(),  // 0035 a resolved case's "is it solved?" link to its customer
            UpdateCustomerScoresAddLimits(),  // 0036 the 90 % limits of each customer's lifetime figures
            CreateCustomerSearchIndex(),  // 0037 customer search by three-letter pieces: FTS5 trigram, pg_trgm
            CreateSchedulerWatermarks(),  // 0038 where each scheduler step stopped; orders by delivery and by change
            CreateOpenWorkIndexes(),  // 0039 active cases, contacts resolved and cases closed lately, by state
        ]
    }
}
