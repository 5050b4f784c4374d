package huzhu.console;

/** Who a console route lets in. */
enum Access {
    PUBLIC, READ, OPERATE, ADMIN;

    boolean allows(As as) {
        return switch (this) {
            case PUBLIC -> true;
            case READ -> as == As.ADMIN || as == As.OFFICER || as == As.VIEWER;
            case OPERATE -> as == As.ADMIN || as == As.OFFICER;
            case ADMIN -> as == As.ADMIN;
        };
    }
}
