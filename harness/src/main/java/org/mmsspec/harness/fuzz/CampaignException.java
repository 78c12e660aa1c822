package org.mmsspec.harness.fuzz;

/** A campaign that cannot start or go on, for a reason the user can act on: the message says which. */
public final class CampaignException extends RuntimeException {

    public CampaignException(String message) {
        super(message);
    }

    public CampaignException(String message, Throwable cause) {
        super(message, cause);
    }
}
