'use client'

// What a page says when something fails on our side, such as the database being away for a
// moment: in Swedish, without details (those are in the server's log), and with a way back. Used
// by app/(site)/error.tsx and app/admin/error.tsx (inside their frames) and app/global-error.tsx (when the frame fails too).
export function ErrorMessage({ retry }: { retry: () => void }) {
  return (
    <div className="prose">
      <h1>Tekniskt fel</h1>
      <p>
        Något gick fel hos oss, så sidan kunde inte visas och det du skickade kanske inte sparades. Försök igen om en
        stund.
      </p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Försök igen
        </button>
      </p>
      <p>
        {/* A plain link: the router may be what failed. */}
        <a href="/">Till startsidan</a>
      </p>
    </div>
  )
}
